package de.grw.server.config;

import de.grw.common.UserFacingException;
import de.grw.rights.Role;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace server's configuration: a Java properties file in UTF-8 ({@code /etc/grw/server.conf}; every key
 * is documented in {@code installer/server.conf}, the example the package installs). Relative paths are resolved
 * against the configuration file's folder. Every problem is reported naming the file, the key and what is wrong;
 * an unknown key is refused too, so that a misspelt setting never silently falls back to its default.
 *
 * @param file      the configuration file read
 * @param address   the address to listen on ({@code 0.0.0.0}: all)
 * @param port      the HTTPS port
 * @param dataDir   the server's own folder: the certificate generated at a first start ({@code tls/})
 * @param store     where the workspace lives
 * @param tls       the keystore, or how to generate one
 * @param sessions  session timeouts
 * @param signIn    how failed sign-ins are limited
 * @param localAccounts whether the workspace's local accounts may sign in
 * @param ldap      directory sign-in, or {@code null} for none
 */
public record ServerConfig(Path file, String address, int port, Path dataDir, Store store, Tls tls,
                           Sessions sessions, SignInLimits signIn, boolean localAccounts, Ldap ldap) {

    /** The workspace's store. */
    public sealed interface Store permits SqliteStore, PostgresStore {
    }

    /**
     * One SQLite workspace file (created beforehand with {@code grw init}), opened by this server only.
     *
     * @param name the workspace's name as clients see it (never its path)
     */
    public record SqliteStore(Path file, String name) implements Store {
    }

    /**
     * A PostgreSQL workspace: read from the configuration already, opened once the PostgreSQL store of issue 12
     * (section 2) is part of the engine; until then the server refuses to start with it.
     */
    public record PostgresStore(String url, String user, Path passwordFile, String name) implements Store {
    }

    /**
     * The server's certificate: a keystore (PKCS12 or JKS) with one private key, or, when {@code keystore} is
     * {@code null}, a self-signed certificate generated into {@code dataDir/tls} at the first start.
     *
     * @param hostnames names (and addresses) the generated certificate is valid for
     */
    public record Tls(Path keystore, char[] password, String alias, List<String> hostnames) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", alias=" + alias + ", hostnames=" + hostnames + "]";
        }
    }

    /** A session ends after {@code idle} without a request, and {@code lifetime} after sign-in at the latest. */
    public record Sessions(Duration idle, Duration lifetime) {
    }

    /**
     * Failed sign-ins allowed within {@code window}, per account name and per client address, before further
     * attempts are refused until the window has passed.
     */
    public record SignInLimits(int perAccount, int perAddress, Duration window) {
    }

    /**
     * Sign-in against the office's directory (LDAP or Active Directory).
     *
     * @param url              {@code ldaps://host:636}, or {@code ldap://host:389} with {@code startTls}; plain LDAP
     *                         only to this machine (loopback), since passwords cross the connection
     * @param userDnPattern    the user's DN with {@code {user}}, e.g. {@code uid={user},ou=people,dc=example,dc=de};
     *                         or {@code null} to search with {@code userSearchBase} and {@code userSearchFilter}
     * @param bindDn           the service account searches bind with, or {@code null} (anonymous search, or
     *                         groups read with the user's own bind)
     * @param groupSearchBase  where groups are searched, or {@code null} to use the user's {@code memberOf} only
     * @param groupSearchFilter a filter with {@code {dn}} (the user's DN) and/or {@code {user}}
     * @param groups           role by group DN (normalised lower case); the role of the groups a user is in
     * @param trustStore       certificates of a private CA for ldaps/StartTLS, or {@code null} for Java's own
     */
    public record Ldap(String url, boolean startTls, String userDnPattern, String userSearchBase,
                       String userSearchFilter, String bindDn, char[] bindPassword, String groupSearchBase,
                       String groupSearchFilter, Map<Role, List<String>> groups, Duration timeout, Path trustStore,
                       char[] trustStorePassword) {
        @Override
        public String toString() {
            return "Ldap[url=" + url + ", startTls=" + startTls + ", userDnPattern=" + userDnPattern
                    + ", userSearchBase=" + userSearchBase + ", bindDn=" + bindDn + ", groups=" + groups + "]";
        }
    }

    private static final Set<String> KEYS = Set.of("listen.address", "listen.port", "data.dir", "store",
            "store.sqlite.file", "store.postgresql.url", "store.postgresql.user", "store.postgresql.passwordFile",
            "workspace.name", "tls.keystore", "tls.keystore.password", "tls.keystore.passwordFile",
            "tls.keystore.alias", "tls.hostnames", "session.idleTimeout", "session.lifetime",
            "signin.maxFailuresPerAccount", "signin.maxFailuresPerAddress", "signin.failureWindow", "accounts.local",
            "ldap.url", "ldap.startTls", "ldap.userDnPattern", "ldap.userSearchBase", "ldap.userSearchFilter",
            "ldap.bindDn", "ldap.bindPassword", "ldap.bindPasswordFile", "ldap.groupSearchBase",
            "ldap.groupSearchFilter", "ldap.group.clerk", "ldap.group.supervisor", "ldap.group.administrator",
            "ldap.timeout", "ldap.trustStore", "ldap.trustStorePassword");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    /** Reads and checks a configuration file. */
    public static ServerConfig read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserFacingException(file + ": no such configuration file");
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(file + ": cannot read the configuration: " + e.getMessage(), e);
        }
        return new Reading(file, p).config();
    }

    /** The configuration being read: each getter names file and key in its complaint. */
    private static final class Reading {
        private final Path file;
        private final Path base;
        private final Properties p;

        Reading(Path file, Properties p) {
            this.file = file;
            this.base = file.toAbsolutePath().getParent();
            this.p = p;
        }

        ServerConfig config() {
            for (String key : p.stringPropertyNames()) {
                if (!KEYS.contains(key)) {
                    throw bad(key, "unknown setting (see installer/server.conf for the settings)");
                }
            }
            String address = text("listen.address", "0.0.0.0");
            int port = number("listen.port", 8443, 0, 65535); // 0: any free port (tests)
            Path dataDir = path("data.dir", "/var/lib/grw");
            Store store = store();
            List<String> hostnames = list("tls.hostnames");
            if (hostnames.isEmpty()) {
                hostnames = defaultHostnames(address);
            }
            Path keystore = optionalPath("tls.keystore");
            char[] keystorePassword = keystore == null ? null : secret("tls.keystore.password",
                    "tls.keystore.passwordFile", true);
            Tls tls = new Tls(keystore, keystorePassword, blankToNull(p.getProperty("tls.keystore.alias")),
                    hostnames);
            Sessions sessions = new Sessions(duration("session.idleTimeout", Duration.ofMinutes(30)),
                    duration("session.lifetime", Duration.ofHours(10)));
            if (sessions.idle().compareTo(sessions.lifetime()) > 0) {
                throw bad("session.idleTimeout", "longer than session.lifetime");
            }
            SignInLimits limits = new SignInLimits(number("signin.maxFailuresPerAccount", 5, 1, 1000),
                    number("signin.maxFailuresPerAddress", 20, 1, 100_000),
                    duration("signin.failureWindow", Duration.ofMinutes(15)));
            boolean local = bool("accounts.local", true);
            Ldap ldap = ldap();
            if (!local && ldap == null) {
                throw bad("accounts.local", "false, and no ldap.url: nobody could sign in");
            }
            return new ServerConfig(file, address, port, dataDir, store, tls, sessions, limits, local, ldap);
        }

        private Store store() {
            String kind = text("store", "sqlite").toLowerCase(Locale.ROOT);
            switch (kind) {
                case "sqlite": {
                    Path ws = optionalPath("store.sqlite.file");
                    if (ws == null) {
                        throw bad("store.sqlite.file", "missing: the workspace file (created with grw init)");
                    }
                    String name = p.getProperty("workspace.name", stripExtension(ws.getFileName().toString()));
                    return new SqliteStore(ws, name.strip());
                }
                case "postgresql": {
                    String url = text("store.postgresql.url", null);
                    if (url == null || !url.startsWith("jdbc:postgresql:")) {
                        throw bad("store.postgresql.url", "missing or not a jdbc:postgresql: URL");
                    }
                    return new PostgresStore(url, text("store.postgresql.user", null),
                            optionalPath("store.postgresql.passwordFile"), text("workspace.name", "workspace"));
                }
                default:
                    throw bad("store", "'" + kind + "' is none of sqlite, postgresql");
            }
        }

        private Ldap ldap() {
            String url = blankToNull(p.getProperty("ldap.url"));
            if (url == null) {
                for (String key : p.stringPropertyNames()) {
                    if (key.startsWith("ldap.")) {
                        throw bad(key, "set, but ldap.url is not: directory sign-in needs the directory's URL");
                    }
                }
                return null;
            }
            java.net.URI uri;
            try {
                uri = new java.net.URI(url.strip());
            } catch (java.net.URISyntaxException e) {
                throw bad("ldap.url", "not a URL: " + e.getMessage());
            }
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            boolean startTls = bool("ldap.startTls", false);
            if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
                throw bad("ldap.url", "must start with ldaps:// or ldap://");
            }
            if (uri.getHost() == null) {
                throw bad("ldap.url", "names no host");
            }
            if (scheme.equals("ldap") && !startTls && !loopback(uri.getHost())) {
                throw bad("ldap.url", "plain ldap:// to another machine would send passwords unencrypted: use "
                        + "ldaps:// or set ldap.startTls = true");
            }
            if (scheme.equals("ldaps") && startTls) {
                throw bad("ldap.startTls", "true with ldaps://: use one of them");
            }
            String pattern = blankToNull(p.getProperty("ldap.userDnPattern"));
            String searchBase = blankToNull(p.getProperty("ldap.userSearchBase"));
            if ((pattern == null) == (searchBase == null)) {
                throw bad(pattern == null ? "ldap.userDnPattern" : "ldap.userSearchBase",
                        "give either ldap.userDnPattern or ldap.userSearchBase (with ldap.userSearchFilter)");
            }
            if (pattern != null && !pattern.contains("{user}")) {
                throw bad("ldap.userDnPattern", "holds no {user}");
            }
            String searchFilter = text("ldap.userSearchFilter", "(uid={user})");
            if (searchBase != null && !searchFilter.contains("{user}")) {
                throw bad("ldap.userSearchFilter", "holds no {user}");
            }
            String bindDn = blankToNull(p.getProperty("ldap.bindDn"));
            char[] bindPassword = bindDn == null ? null : secret("ldap.bindPassword", "ldap.bindPasswordFile", true);
            String groupBase = blankToNull(p.getProperty("ldap.groupSearchBase"));
            String groupFilter = text("ldap.groupSearchFilter", "(|(member={dn})(uniqueMember={dn}))");
            Map<Role, List<String>> groups = new EnumMap<>(Role.class);
            for (Role role : List.of(Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR)) {
                String key = "ldap.group." + role.name().toLowerCase(Locale.ROOT);
                List<String> dns = new ArrayList<>();
                for (String dn : p.getProperty(key, "").split("\\|")) {
                    if (!dn.isBlank()) {
                        try {
                            dns.add(new com.unboundid.ldap.sdk.DN(dn.strip()).toNormalizedString());
                        } catch (com.unboundid.ldap.sdk.LDAPException e) {
                            throw bad(key, "'" + dn.strip() + "' is not a DN: " + e.getMessage());
                        }
                    }
                }
                if (!dns.isEmpty()) {
                    groups.put(role, List.copyOf(dns));
                }
            }
            if (groups.isEmpty()) {
                throw bad("ldap.group.clerk", "no group is mapped to a role (ldap.group.clerk, "
                        + "ldap.group.supervisor, ldap.group.administrator): no directory user could sign in");
            }
            Path trustStore = optionalPath("ldap.trustStore");
            char[] trustPassword = trustStore == null ? null
                    : blankToNull(p.getProperty("ldap.trustStorePassword")) == null ? null
                    : p.getProperty("ldap.trustStorePassword").toCharArray();
            return new Ldap(url.strip(), startTls, pattern, searchBase, searchFilter, bindDn, bindPassword, groupBase,
                    groupFilter, groups, duration("ldap.timeout", Duration.ofSeconds(5)), trustStore, trustPassword);
        }

        private char[] secret(String key, String fileKey, boolean required) {
            String direct = p.getProperty(key);
            Path secretFile = optionalPath(fileKey);
            if (direct != null && secretFile != null) {
                throw bad(key, "given together with " + fileKey + ": use one of them");
            }
            if (secretFile != null) {
                try {
                    return Files.readString(secretFile, StandardCharsets.UTF_8).strip().toCharArray();
                } catch (IOException e) {
                    throw bad(fileKey, "cannot read " + secretFile + ": " + e.getMessage());
                }
            }
            if (direct == null && required) {
                throw bad(key, "missing (or give " + fileKey + ")");
            }
            return direct == null ? null : direct.toCharArray();
        }

        private String text(String key, String def) {
            String v = blankToNull(p.getProperty(key));
            return v == null ? def : v;
        }

        private List<String> list(String key) {
            List<String> out = new ArrayList<>();
            for (String s : p.getProperty(key, "").split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }

        private int number(String key, int def, int min, int max) {
            String v = blankToNull(p.getProperty(key));
            if (v == null) {
                return def;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw bad(key, n + " is outside " + min + " to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw bad(key, "'" + v + "' is not a whole number");
            }
        }

        private boolean bool(String key, boolean def) {
            String v = blankToNull(p.getProperty(key));
            if (v == null) {
                return def;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true": case "yes": case "on":
                    return true;
                case "false": case "no": case "off":
                    return false;
                default:
                    throw bad(key, "'" + v + "' is neither true nor false");
            }
        }

        private Duration duration(String key, Duration def) {
            String v = blankToNull(p.getProperty(key));
            if (v == null) {
                return def;
            }
            Duration d;
            Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                try {
                    d = Duration.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    throw bad(key, "'" + v + "' is no duration (e.g. 30m, 10h, 45s or PT30M)");
                }
            }
            if (d.isNegative() || d.isZero()) {
                throw bad(key, "must be longer than zero");
            }
            return d;
        }

        private Path path(String key, String def) {
            Path given = optionalPath(key);
            return given != null ? given : Path.of(def);
        }

        private Path optionalPath(String key) {
            String v = blankToNull(p.getProperty(key));
            if (v == null) {
                return null;
            }
            try {
                Path path = Path.of(v);
                return path.isAbsolute() || base == null ? path : base.resolve(path);
            } catch (java.nio.file.InvalidPathException e) {
                throw bad(key, "'" + v + "' is not a path");
            }
        }

        private UserFacingException bad(String key, String problem) {
            return new UserFacingException(file + ": " + key + ": " + problem);
        }
    }

    private static List<String> defaultHostnames(String address) {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // no name for this machine: the certificate is valid for localhost and the addresses below
        }
        names.add("localhost");
        names.add("127.0.0.1");
        if (!address.equals("0.0.0.0") && !address.equals("::")) {
            names.add(address);
        }
        return List.copyOf(names);
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
