package de.grw.server.auth;

import de.grw.common.Text;
import de.grw.rights.AccessDeniedException;
import de.grw.server.engine.EngineAdapter;
import de.grw.server.engine.EngineAdapter.AccountStamp;
import de.grw.server.engine.EngineAdapter.Actor;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs users in and keeps their sessions honest. Sign-in: a local account of the workspace checks its password in
 * the engine; any other name goes to the office's directory, if one is configured, and the account the directory
 * vouches for is provisioned with its mapped role. A local account always wins over a directory user of the same
 * name (administrators create local accounts; the directory never takes one over).
 * <p>
 * Failed sign-ins are limited per account name and per client address ({@link SignInLimiter}) and logged with the
 * address; the engine logs them as well, as it does for a sign-in at the desktop.
 * <p>
 * At every request {@link #resume} compares the account as stored with what it was at sign-in: disabled, given
 * another role or another password (or gone), every session of the account ends at once.
 */
public final class Authenticator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Authenticator.class);

    private final EngineAdapter engine;
    private final SessionRegistry sessions;
    private final SignInLimiter limiter;
    private final boolean localAccounts;
    private final DirectorySignIn directory;

    /**
     * @param localAccounts whether the workspace's local accounts may sign in
     * @param directory     the office's directory, or {@code null}
     */
    public Authenticator(EngineAdapter engine, SessionRegistry sessions, SignInLimiter limiter, boolean localAccounts,
                         DirectorySignIn directory) {
        this.engine = engine;
        this.sessions = sessions;
        this.limiter = limiter;
        this.localAccounts = localAccounts;
        this.directory = directory;
    }

    /** Too many failed sign-ins: try again after {@code retryAfter}. */
    public static final class TooManyAttemptsException extends de.grw.common.UserFacingException {
        private final Duration retryAfter;

        TooManyAttemptsException(Duration retryAfter) {
            super(Text.of("server.too_many_attempts", Math.max(1, (retryAfter.getSeconds() + 59) / 60)));
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A request without a session that holds: no token, an unknown or ended one, or an account that changed. */
    public static final class NotSignedInException extends de.grw.common.UserFacingException {
        public NotSignedInException(Text text) {
            super(text);
        }
    }

    /**
     * Signs a user in and begins their session.
     *
     * @param address the client's address, for the limit and the log
     * @throws TooManyAttemptsException too many failures for this name or from this address
     * @throws AccessDeniedException    unknown user, wrong password, disabled account, no role in the directory
     * @throws DirectorySignIn.DirectoryUnavailableException the directory is needed and cannot be asked
     */
    public SessionRegistry.Issued signIn(String user, char[] password, String address) {
        String name = user == null ? "" : user.strip();
        Optional<SignInLimiter.Refusal> refusal = limiter.check(name, address);
        if (refusal.isPresent()) {
            LOG.warn("sign-in refused: too many failed attempts {} (name given: {}, address {}); retry in {} s",
                    refusal.get().byAddress() ? "from this address" : "for this name", name, address,
                    refusal.get().retryAfter().toSeconds());
            throw new TooManyAttemptsException(refusal.get().retryAfter());
        }
        try {
            Optional<AccountStamp> stored = engine.account(name);
            boolean local = stored.isPresent() && !stored.get().directory();
            Actor actor;
            boolean viaDirectory;
            if ((local || directory == null) && localAccounts) {
                actor = engine.signInLocal(name, password);
                viaDirectory = false;
            } else if (directory != null && !local) {
                DirectorySignIn.DirectoryUser found = directory.authenticate(name, password);
                actor = engine.signInFromDirectory(found.name(), found.role(), directory.url(), found.dn());
                viaDirectory = true;
            } else {
                // a local account while local sign-in is switched off: the same answer as a wrong password
                LOG.warn("sign-in refused: {} is a local account and accounts.local is false", name);
                throw new AccessDeniedException(Text.of("users.wrong_login"));
            }
            AccountStamp stamp = engine.account(actor.user()).orElse(null);
            if (stamp == null) {
                actor.signedIn().close();
                throw new AccessDeniedException(Text.of("users.wrong_login"));
            }
            limiter.succeeded(name);
            SessionRegistry.Issued issued = sessions.create(actor, stamp, viaDirectory);
            LOG.info("{} ({}) signed in from {}{}; session {}", actor.user(), actor.role(), address,
                    viaDirectory ? " through the directory" : "", issued.entry().id());
            return issued;
        } catch (DirectorySignIn.DirectoryUnavailableException e) {
            throw e; // not the user's failure: not counted
        } catch (AccessDeniedException e) {
            limiter.failed(name, address);
            LOG.warn("sign-in of {} from {} refused: {}", name, address, e.getMessage());
            if (e.text() != null && e.text().key().equals("server.no_role")) {
                // the directory no longer gives this user a role: their sessions end now, not at their timeout
                int ended = sessions.revokeUser(name.toLowerCase(java.util.Locale.ROOT));
                if (ended > 0) {
                    LOG.warn("{} session(s) of {} ended: the directory gives them no role any more", ended, name);
                }
            }
            throw e;
        }
    }

    /**
     * The session of a bearer token, if it holds: known, neither idle nor past its lifetime, and its account as it
     * was at sign-in (else every session of the account ends now).
     *
     * @throws NotSignedInException otherwise
     */
    public SessionRegistry.Entry resume(String token) {
        SessionRegistry.Entry e = sessions.use(token).orElseThrow(
                () -> new NotSignedInException(Text.of("server.not_signed_in")));
        Optional<AccountStamp> now = engine.account(e.actor().user());
        if (now.isEmpty() || !now.get().equals(e.stamp())) {
            String why = now.isEmpty() ? "the account is gone" : now.get().disabled() ? "the account was disabled"
                    : now.get().role() != e.stamp().role() ? "the role changed to " + now.get().role()
                    : "the password changed";
            int ended = sessions.revokeUser(e.actor().user());
            LOG.warn("{} session(s) of {} ended: {}", ended, e.actor().user(), why);
            throw new NotSignedInException(Text.of("server.session_ended", e.actor().user()));
        }
        return e;
    }

    /** Signs a session out. */
    public void signOut(String token, SessionRegistry.Entry e) {
        sessions.revoke(token);
        LOG.info("{} signed out; session {}", e.actor().user(), e.id());
    }

    public SessionRegistry sessions() {
        return sessions;
    }
}
