package de.grw.server.auth;

import de.grw.server.engine.EngineAdapter.AccountStamp;
import de.grw.server.engine.EngineAdapter.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The signed-in sessions, in this server's memory only: a restart signs everyone out (nothing to steal from the
 * store or a file, nothing to clean up after a crash). A session is an opaque bearer token of 256 random bits
 * (base64url, 43 characters); the registry keeps only its SHA-256, so the tokens themselves are in no heap dump.
 * <p>
 * A session ends {@code idle} after its last request, {@code lifetime} after sign-in at the latest, at sign-out, and
 * at once when its account changes (the caller compares {@link Entry#stamp()} with the store at every request and
 * calls {@link #revokeUser}).
 */
public final class SessionRegistry {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionRegistry.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    public SessionRegistry(Clock clock, Duration idle, Duration lifetime) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /**
     * One session.
     *
     * @param id        a short id for logs (the first characters of the token's hash; not usable as a token)
     * @param actor     who signed in
     * @param stamp     the account as stored at sign-in
     * @param directory whether the office's directory signed them in
     * @param created   when they signed in
     */
    public record Entry(String id, Actor actor, AccountStamp stamp, boolean directory, Instant created,
                        Instant lastUsed) {
        Entry used(Instant now) {
            return new Entry(id, actor, stamp, directory, created, now);
        }
    }

    /** A session just begun: the token (given to the client once) and the session. */
    public record Issued(String token, Entry entry, Instant idleUntil, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[" + entry + "]";
        }
    }

    public Duration idleTimeout() {
        return idle;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Begins a session for someone who just signed in. */
    public Issued create(Actor actor, AccountStamp stamp, boolean directory) {
        purgeExpired();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        Instant now = clock.instant();
        Entry e = new Entry(hash.substring(0, 12), actor, stamp, directory, now, now);
        sessions.put(hash, e);
        return new Issued(token, e, now.plus(idle), now.plus(lifetime));
    }

    /**
     * The session of a token, if it is one and has not ended; using it keeps it from going idle. A token that is no
     * well-formed token is simply unknown.
     */
    public Optional<Entry> use(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Entry[] result = new Entry[1];
        sessions.computeIfPresent(hash, (k, e) -> {
            if (ended(e, now)) {
                LOG.info("session {} of {} ended ({})", e.id(), e.actor().user(),
                        now.isAfter(e.created().plus(lifetime)) ? "lifetime over" : "idle");
                return null;
            }
            result[0] = e.used(now);
            return result[0];
        });
        return Optional.ofNullable(result[0]);
    }

    /** Signs a session out; returns whether it was one. */
    public boolean revoke(String token) {
        return token != null && TOKEN.matcher(token).matches() && sessions.remove(hash(token)) != null;
    }

    /** Ends every session of an account; returns how many there were. */
    public int revokeUser(String user) {
        int[] n = new int[1];
        sessions.entrySet().removeIf(en -> {
            boolean match = en.getValue().actor().user().equals(user);
            n[0] += match ? 1 : 0;
            return match;
        });
        return n[0];
    }

    /** Sessions that have not ended. */
    public int size() {
        purgeExpired();
        return sessions.size();
    }

    /** When an entry goes idle and when it expires, from now. */
    public Instant idleUntil(Entry e) {
        Instant byIdle = e.lastUsed().plus(idle);
        Instant byLife = e.created().plus(lifetime);
        return byIdle.isBefore(byLife) ? byIdle : byLife;
    }

    public Instant expiresAt(Entry e) {
        return e.created().plus(lifetime);
    }

    /** Forgets the sessions that have ended (they would be refused anyway). */
    public void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(e -> ended(e, now));
    }

    private boolean ended(Entry e, Instant now) {
        return !now.isBefore(e.lastUsed().plus(idle)) || !now.isBefore(e.created().plus(lifetime));
    }

    private static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
