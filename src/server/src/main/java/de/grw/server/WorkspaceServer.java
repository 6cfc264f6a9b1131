package de.grw.server;

import de.grw.common.UserFacingException;
import de.grw.server.auth.Authenticator;
import de.grw.server.auth.DirectorySignIn;
import de.grw.server.auth.SessionRegistry;
import de.grw.server.auth.SignInLimiter;
import de.grw.server.config.ServerConfig;
import de.grw.server.engine.EngineAdapter;
import de.grw.server.http.Api;
import de.grw.server.tls.ServerCertificate;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The workspace server: the engine's services behind the JSON API ({@link Api}) over HTTPS only (one TLS connector,
 * TLS 1.2 and 1.3; no plain HTTP port at all), with sessions, local and directory accounts. It owns the workspace:
 * clients never see its file or a database credential. Every request is logged to {@code de.grw.server.access}
 * (address, user, method, path, status, time; never a token, a body or a query string).
 */
public final class WorkspaceServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceServer.class);
    private static final org.slf4j.Logger ACCESS = org.slf4j.LoggerFactory.getLogger("de.grw.server.access");

    private final ServerConfig config;
    private final EngineAdapter engine;
    private final ServerCertificate certificate;
    private final SessionRegistry sessions;
    private final Javalin app;
    private final ScheduledExecutorService housekeeping;

    private WorkspaceServer(ServerConfig config, EngineAdapter engine, ServerCertificate certificate,
                            SessionRegistry sessions, Javalin app) {
        this.config = config;
        this.engine = engine;
        this.certificate = certificate;
        this.sessions = sessions;
        this.app = app;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grw-session-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the workspace, loads or generates the certificate and starts listening. */
    public static WorkspaceServer start(ServerConfig config, Clock clock) {
        EngineAdapter engine = openStore(config, clock);
        try {
            ServerCertificate certificate = ServerCertificate.load(config.tls(), config.dataDir(), clock);
            SessionRegistry sessions = new SessionRegistry(clock, config.sessions().idle(),
                    config.sessions().lifetime());
            SignInLimiter limiter = new SignInLimiter(clock, config.signIn().perAccount(),
                    config.signIn().perAddress(), config.signIn().window());
            DirectorySignIn directory = config.ldap() == null ? null : new DirectorySignIn(config.ldap());
            Authenticator auth = new Authenticator(engine, sessions, limiter, config.localAccounts(), directory);
            Api api = new Api(engine, auth);
            Javalin app = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.startup.showOldJavalinVersionWarning = false;
                c.startup.startupWatcherEnabled = false;
                c.http.maxRequestSize = de.grw.server.http.Api.MAX_JSON_BODY;
                c.jetty.addConnector((server, http) -> tlsConnector(server, http, config, certificate));
                // what Jetty refuses before the API sees it (a bad path, headers too large) is a problem too
                c.jetty.modifyServer(server -> server.setErrorHandler(new de.grw.server.http.ProblemErrorHandler()));
                c.requestLogger.http(WorkspaceServer::logRequest);
                api.register(c.routes);
            });
            WorkspaceServer s = new WorkspaceServer(config, engine, certificate, sessions, app);
            try {
                app.start();
            } catch (RuntimeException e) {
                throw new UserFacingException("cannot listen on " + config.address() + ":" + config.port() + ": "
                        + rootMessage(e), e);
            }
            s.housekeeping.scheduleAtFixedRate(sessions::purgeExpired, 1, 1, TimeUnit.MINUTES);
            engine.prepareLinking(); // the first link call need not wait for the index (GET /api/v1/status says)
            LOG.info("workspace server listening on https://{}:{}/api/v1 (workspace '{}', certificate SHA-256 {}{})",
                    config.address(), s.port(), storeName(config), certificate.fingerprint(),
                    certificate.generated() ? ", generated now" : "");
            return s;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static EngineAdapter openStore(ServerConfig config, Clock clock) {
        if (config.store() instanceof ServerConfig.SqliteStore sqlite) {
            warnIfOthersMayRead(sqlite.file());
            warnIfOthersMayRead(sqlite.file().toAbsolutePath().getParent());
            return EngineAdapter.openSqlite(sqlite.file(), sqlite.name(), clock);
        }
        ServerConfig.PostgresStore pg = (ServerConfig.PostgresStore) config.store();
        if (pg.passwordFile() != null) {
            warnIfOthersMayRead(pg.passwordFile());
        }
        return EngineAdapter.openPostgres(pg.url(), pg.user(), pg.password(), pg.schema(), pg.name(), clock);
    }

    /** The store is the server's alone: say so when its file or folder is open to other accounts of the machine. */
    private static void warnIfOthersMayRead(java.nio.file.Path p) {
        try {
            if (p != null && java.nio.file.Files.exists(p)) {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
                        java.nio.file.Files.getPosixFilePermissions(p);
                java.util.Set<java.nio.file.attribute.PosixFilePermission> others = java.util.EnumSet.of(
                        java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                        java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
                others.retainAll(perms);
                if (!others.isEmpty()) {
                    LOG.warn("{} is open to other accounts of this machine ({}): only the server's account should "
                            + "read the workspace (chmod {} {})", p,
                            java.nio.file.attribute.PosixFilePermissions.toString(perms),
                            java.nio.file.Files.isDirectory(p) ? "700" : "600", p);
                }
            }
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // not a POSIX file system: nothing to say
        }
    }

    private static String storeName(ServerConfig config) {
        return config.store() instanceof ServerConfig.SqliteStore s ? s.name()
                : ((ServerConfig.PostgresStore) config.store()).name();
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                                ServerConfig config, ServerCertificate certificate) {
        HttpConfiguration https = new HttpConfiguration(http);
        // the certificate is checked by the client (a fingerprint for a self-signed one), so the host name the
        // client used need not be one the certificate names; browsers are told to keep to HTTPS for a year
        https.addCustomizer(new SecureRequestCustomizer(false, false, 365L * 24 * 3600, false));
        // Jetty's parser keeps header fields of a connection for reuse and, by default, matches their values without
        // regard to case: a bearer token "X..." then arrived as "x..." when the connection had carried "Bearer x"
        // before (ServerAttackTest). Tokens, case references and names are case-sensitive.
        https.setHeaderCacheCaseSensitive(true);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificate.keyStore());
        ssl.setKeyStorePassword(new String(certificate.password()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(config.address());
        connector.setPort(config.port());
        return connector;
    }

    private static void logRequest(Context ctx, Float millis) {
        de.grw.server.auth.SessionRegistry.Entry e = ctx.attribute("grw.session");
        ACCESS.info("{} {} {} {} {} {}ms", ctx.ip(), e == null ? "-" : e.actor().user(), ctx.method().name(),
                ctx.path(), ctx.status().getCode(), Math.round(millis));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The port the server listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return app.port();
    }

    public ServerCertificate certificate() {
        return certificate;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public ServerConfig config() {
        return config;
    }

    /** The running Javalin instance (for tests of the route table). */
    public Javalin javalin() {
        return app;
    }

    /** Stops listening and closes the workspace; every session ends with it. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        try {
            app.stop();
        } finally {
            engine.close();
            LOG.info("workspace server stopped");
        }
    }
}
