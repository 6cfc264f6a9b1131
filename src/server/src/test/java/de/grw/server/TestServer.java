package de.grw.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.MergeCommand;
import de.grw.server.config.ServerConfig;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.TestWorkspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A workspace server on a free port of this machine (loopback only) over a copy of the matched sample workspace
 * (accounts admin, anna and dora (clerks), bernd and carla (supervisors); see TestWorkspaces), with a clock the test
 * moves, and an HTTPS client that trusts exactly the certificate the server generated at its first start.
 */
public final class TestServer implements AutoCloseable {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    public static final ObjectMapper JSON = new ObjectMapper();

    public final Path dir;
    public final Path workspaceFile;
    public final MutableClock clock;
    public final WorkspaceServer server;
    private final HttpClient client;

    private TestServer(Path dir, Path workspaceFile, MutableClock clock, WorkspaceServer server) {
        this.dir = dir;
        this.workspaceFile = workspaceFile;
        this.clock = clock;
        this.server = server;
        this.client = client(server);
    }

    /** Starts a server over a fresh copy of the sample workspace, with extra configuration lines. */
    public static TestServer start(Path dir, String... extraConfig) {
        Path ws = TestWorkspaces.copyTo(dir);
        return startWith(dir, ws, extraConfig);
    }

    /** An account added by the administrator before the server starts (an application's, say). */
    public record Account(String name, Role role, String password) {
    }

    /**
     * Copies the sample workspace into {@code dir}, adds the accounts as the administrator does (the password as
     * given, as an application's account is set up) and then lets {@code setup} prepare the workspace (decisions,
     * say) on its fixture, all before a server owns the file.
     */
    public static Path workspace(Path dir, Consumer<TestWorkspaces.Fixture> setup, Account... accounts) {
        Path ws = TestWorkspaces.copyTo(dir);
        try (Workspace w = Workspace.open(ws, Clock.systemUTC())) {
            UserService users = new UserService(w);
            Session admin = users.login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            for (Account a : accounts) {
                users.addUser(admin, a.name(), a.role(), a.password().toCharArray());
            }
            setup.accept(TestWorkspaces.fixture(w));
        }
        return ws;
    }

    /** Starts a server over a fresh copy of the sample workspace with the accounts added. */
    public static TestServer startWith(Path dir, Account... accounts) {
        return startWith(dir, workspace(dir, f -> { }, accounts));
    }

    /**
     * Proposes merging all members of a cluster (the clerk) and approves it (the supervisor), so that the workspace
     * has a golden record; returns how many records were merged.
     */
    public static int approveMerge(TestWorkspaces.Fixture f, long cluster) {
        List<Long> members = f.review().memberIds(f.clerk(), cluster);
        var merge = f.review().propose(f.clerk(), cluster, new MergeCommand(members, Map.of()), "gleiche Person",
                "AZ-0");
        f.review().approve(f.supervisor(), merge.id(), "geprüft");
        return members.size();
    }

    /** A client of the remote service interfaces that trusts this server's certificate. */
    public RemoteWorkbench remote() {
        return RemoteWorkbench.connect(uri(""), server.certificate().fingerprint());
    }

    /** Starts a server over the given workspace file. */
    public static TestServer startWith(Path dir, Path ws, String... extraConfig) {
        return startWithStore(dir, ws, "store = sqlite\nstore.sqlite.file = " + ws + "\n", extraConfig);
    }

    /**
     * Starts a server over a workspace in a PostgreSQL database (the password written to a file of the test's
     * folder, as an office keeps it apart from the configuration).
     */
    public static TestServer startPostgres(Path dir, String url, String user, String password, String schema) {
        try {
            Path secret = dir.resolve("postgresql.password");
            Files.writeString(secret, password + "\n", StandardCharsets.UTF_8);
            return startWithStore(dir, null, "store = postgresql\nstore.postgresql.url = " + url
                    + "\nstore.postgresql.user = " + user + "\nstore.postgresql.passwordFile = " + secret
                    + "\nstore.postgresql.schema = " + schema + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestServer startWithStore(Path dir, Path ws, String storeLines, String... extraConfig) {
        try {
            Path conf = dir.resolve("server.conf");
            StringBuilder text = new StringBuilder();
            text.append("listen.address = 127.0.0.1\nlisten.port = 0\n");
            text.append("data.dir = ").append(dir.resolve("data")).append('\n');
            text.append(storeLines);
            text.append("workspace.name = Musterstadt\n");
            for (String line : extraConfig) {
                text.append(line).append('\n');
            }
            Files.writeString(conf, text.toString(), StandardCharsets.UTF_8);
            MutableClock clock = MutableClock.now();
            WorkspaceServer server = WorkspaceServer.start(ServerConfig.read(conf), clock);
            return new TestServer(dir, ws, clock, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpClient client(WorkspaceServer server) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", server.certificate().certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    /** An answer: status, headers and body (parsed when it is JSON). */
    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The problem's message key. */
        public String key() {
            return json().path("key").asText();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response call(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            if (text != null) {
                b.setHeader("Content-Type", "application/json"); // unless a header below says otherwise
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                if (headers[i].equalsIgnoreCase("Content-Type")) {
                    b.setHeader(headers[i], headers[i + 1]);
                } else {
                    b.header(headers[i], headers[i + 1]);
                }
            }
            b.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token, String... headers) {
        return call("GET", path, token, null, headers);
    }

    public Response post(String path, String token, Object body, String... headers) {
        return call("POST", path, token, body, headers);
    }

    public Response signIn(String user, String password) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("password", password);
        return post("/api/v1/sessions", null, body);
    }

    /** Signs in and returns the token; fails the test when the sign-in is refused. */
    public String token(String user, String password) {
        Response r = signIn(user, password);
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + user + " refused: " + r);
        }
        return r.json().path("token").asText();
    }

    /** The first row a query answers on {@link #sql()}, its columns in order (empty when none). */
    public java.util.List<Object> row(String sql) throws SQLException {
        try (Connection c = sql(); var st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getObject(i));
                }
            }
            return out;
        }
    }

    /** The sample profile's fields in the order of a record's stored values. */
    private static final java.util.List<String> FIELDS = java.util.List.of("record_id", "family_name", "birth_name",
            "given_names", "academic_title", "sex", "birth_date", "birth_place", "nationality", "street",
            "house_number", "address_extra", "postal_code", "city", "tax_id", "social_security_id", "email", "phone",
            "blocking_notice");

    /** The values of the first stored record matching {@code where}, by field name (record_id and empty left out). */
    public Map<String, String> recordValues(String where) throws SQLException, IOException {
        String[] values = JSON.readValue((String) row("SELECT values_json FROM records WHERE " + where
                + " ORDER BY id LIMIT 1").get(0), String[].class);
        Map<String, String> out = new LinkedHashMap<>();
        for (int f = 1; f < values.length && f < FIELDS.size(); f++) {
            if (values[f] != null) {
                out.put(FIELDS.get(f), values[f]);
            }
        }
        return out;
    }

    /** A second connection to the workspace file, as an administrator's tool or a test's assertion uses it. */
    public Connection sql() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + workspaceFile);
    }

    @Override
    public void close() {
        server.close();
    }
}
