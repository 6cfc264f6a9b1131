package de.grw.server.auth;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.server.config.ServerConfig;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Sign-in against the office's directory (LDAP or Active Directory) with the UnboundID LDAP SDK: the user's DN by a
 * pattern or by a search (anonymous or with a service account), a simple bind as the user with their password, then
 * their groups (the entry's {@code memberOf}, and a group search if configured) mapped to a role.
 * <p>
 * Rules: an empty password is refused before anything is sent (an LDAP bind with a DN and no password is an
 * "unauthenticated bind" that many servers answer with success); a user name is 2 to 64 letters, digits or
 * {@code . _ @ -} (the workbench's account names; none of them needs escaping in a DN or a filter, and filters escape
 * it all the same) and is lower-cased, since directories compare names case-insensitively; a user whose groups map
 * to no role is refused; a user whose groups map to the administrator and to a reviewing role is refused too, since
 * administration and review are kept apart; supervisor and clerk together give supervisor (a supervisor may all a
 * clerk may). A connection opens for each sign-in and closes after it (sign-ins are rare; no pool to go stale).
 */
public final class DirectorySignIn {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DirectorySignIn.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    private final ServerConfig.Ldap config;
    private final LDAPURL url;
    private final SSLContext ssl;

    public DirectorySignIn(ServerConfig.Ldap config) {
        this.config = config;
        try {
            this.url = new LDAPURL(config.url());
            boolean tls = url.getScheme().equalsIgnoreCase("ldaps") || config.startTls();
            this.ssl = tls ? sslContext(config) : null;
        } catch (LDAPException | GeneralSecurityException e) {
            throw new UserFacingException("ldap: cannot use the directory " + config.url() + ": " + e.getMessage(), e);
        }
    }

    /** The directory's URL, as the journal records it. */
    public String url() {
        return config.url();
    }

    /**
     * Who the directory says a user is.
     *
     * @param name the account name in the workbench (the directory's name, lower-cased)
     * @param dn   the user's entry
     * @param role the role the user's groups map to
     */
    public record DirectoryUser(String name, String dn, Role role) {
    }

    /** The directory cannot be reached or answers with an error that is not the user's: sign-in is impossible now. */
    public static final class DirectoryUnavailableException extends UserFacingException {
        DirectoryUnavailableException(String url, Throwable cause) {
            super(Text.of("server.directory_unavailable", url), cause);
        }
    }

    /**
     * Checks a user's password with the directory and maps their groups to a role.
     *
     * @throws AccessDeniedException          unknown user or wrong password (one message), or no role
     * @throws DirectoryUnavailableException  the directory cannot be asked
     */
    public DirectoryUser authenticate(String user, char[] password) {
        if (user == null || !NAME.matcher(user).matches() || password == null || password.length == 0) {
            throw wrongLogin(user, "no password or a name the workbench does not use");
        }
        String name = user.toLowerCase(Locale.ROOT);
        try (LDAPConnection c = connect()) {
            String dn = userDn(c, name);
            if (dn == null) {
                throw wrongLogin(name, "not found in the directory");
            }
            try {
                c.bind(dn, new String(password));
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    throw wrongLogin(name, "the directory refused the password");
                }
                throw e;
            }
            if (config.bindDn() != null) {
                c.bind(config.bindDn(), new String(config.bindPassword())); // groups are read as the service
            }
            Set<String> groups = groups(c, dn, name);
            Role role = role(name, groups);
            return new DirectoryUser(name, dn, role);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS && config.bindDn() != null) {
                LOG.error("directory {}: the service account {} cannot bind (wrong ldap.bindPassword?)", url(),
                        config.bindDn());
            } else {
                LOG.error("directory {} cannot be asked: {} ({})", url(), e.getResultCode(),
                        e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage());
            }
            throw new DirectoryUnavailableException(url(), e);
        }
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int millis = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
        options.setConnectTimeoutMillis(millis);
        options.setResponseTimeoutMillis(millis);
        options.setFollowReferrals(false);
        if (ssl != null) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        LDAPConnection c;
        if (url.getScheme().equalsIgnoreCase("ldaps")) {
            c = new LDAPConnection(ssl.getSocketFactory(), options, url.getHost(), url.getPort());
        } else {
            c = new LDAPConnection(options, url.getHost(), url.getPort());
            if (config.startTls()) {
                try {
                    var result = c.processExtendedOperation(new StartTLSExtendedRequest(ssl));
                    if (result.getResultCode() != ResultCode.SUCCESS) {
                        throw new LDAPException(result);
                    }
                } catch (LDAPException e) {
                    c.close();
                    throw e;
                }
            }
        }
        return c;
    }

    /** The user's DN: by pattern, or the one entry the search finds (none or several: null). */
    private String userDn(LDAPConnection c, String name) throws LDAPException {
        if (config.userDnPattern() != null) {
            return config.userDnPattern().replace("{user}", name);
        }
        if (config.bindDn() != null) {
            c.bind(config.bindDn(), new String(config.bindPassword()));
        }
        Filter filter = Filter.create(config.userSearchFilter().replace("{user}", Filter.encodeValue(name)));
        SearchResult r;
        try {
            r = c.search(config.userSearchBase(), SearchScope.SUB, filter, "1.1");
        } catch (com.unboundid.ldap.sdk.LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                LOG.error("directory {}: ldap.userSearchBase {} does not exist", url(), config.userSearchBase());
            }
            throw e;
        }
        if (r.getEntryCount() > 1) {
            LOG.error("directory {}: {} entries match {} for {}; the user search must find one", url(),
                    r.getEntryCount(), filter, name);
            return null;
        }
        return r.getEntryCount() == 0 ? null : r.getSearchEntries().get(0).getDN();
    }

    /** The user's groups as normalised DNs: their entry's memberOf, and the groups the group search finds. */
    private Set<String> groups(LDAPConnection c, String dn, String name) throws LDAPException {
        Set<String> out = new LinkedHashSet<>();
        SearchResultEntry entry = c.getEntry(dn, "memberOf", "isMemberOf");
        if (entry != null) {
            for (String attribute : new String[] {"memberOf", "isMemberOf"}) {
                String[] values = entry.getAttributeValues(attribute);
                if (values != null) {
                    for (String g : values) {
                        out.add(normalise(g));
                    }
                }
            }
        }
        if (config.groupSearchBase() != null) {
            Filter filter = Filter.create(config.groupSearchFilter().replace("{dn}", Filter.encodeValue(dn))
                    .replace("{user}", Filter.encodeValue(name)));
            for (SearchResultEntry g : c.search(config.groupSearchBase(), SearchScope.SUB, filter, "1.1")
                    .getSearchEntries()) {
                out.add(normalise(g.getDN()));
            }
        }
        return out;
    }

    private Role role(String name, Set<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Map.Entry<Role, List<String>> e : config.groups().entrySet()) {
            if (e.getValue().stream().anyMatch(groups::contains)) {
                roles.add(e.getKey());
            }
        }
        if (roles.isEmpty()) {
            LOG.warn("sign-in refused: the directory knows {}, but none of their groups has a role (groups: {})",
                    name, groups);
            throw new AccessDeniedException(Text.of("server.no_role", name));
        }
        if (roles.contains(Role.ADMINISTRATOR) && roles.size() > 1) {
            LOG.warn("sign-in refused: the groups of {} map to administration and review ({})", name, roles);
            throw new AccessDeniedException(Text.of("server.roles_conflict", name));
        }
        return roles.contains(Role.SUPERVISOR) ? Role.SUPERVISOR : roles.iterator().next();
    }

    private static AccessDeniedException wrongLogin(String name, String why) {
        LOG.warn("sign-in refused: wrong name or password (name given: {}; {})", name, why);
        return new AccessDeniedException(Text.of("users.wrong_login"));
    }

    private static String normalise(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    private static SSLContext sslContext(ServerConfig.Ldap config) throws GeneralSecurityException {
        TrustManager trust = config.trustStore() == null ? JVMDefaultTrustManager.getInstance()
                : new TrustStoreTrustManager(config.trustStore().toFile(), config.trustStorePassword(), null, true);
        return new SSLUtil(trust).createSSLContext();
    }
}
