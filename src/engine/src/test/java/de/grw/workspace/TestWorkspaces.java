package de.grw.workspace;

import de.grw.store.PostgresDatabases;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.review.ReviewService;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared set-up for the governance tests: one workspace with the three sample sources imported and matched, built
 * once per JVM and per store and copied for each test (a file copy; on PostgreSQL a database made from the template
 * database), with an administrator, two clerks and two supervisors.
 */
public final class TestWorkspaces {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Verwaltung-2026";
    public static final String CLERK = "anna";
    public static final String CLERK_PASSWORD = "Sachbearbeitung1";
    public static final String CLERK2 = "dora";
    public static final String CLERK2_PASSWORD = "Sachbearbeitung2";
    public static final String SUPERVISOR = "bernd";
    public static final String SUPERVISOR_PASSWORD = "Vorgesetzter-1";
    public static final String SUPERVISOR2 = "carla";
    public static final String SUPERVISOR2_PASSWORD = "Vorgesetzte-22";
    public static final List<String> SAMPLES = List.of("melderegister", "sozialamt", "kfz_halter");

    private static Path template;
    private static String pgTemplate;

    private TestWorkspaces() {
    }

    /**
     * An open copy of the matched sample workspace and sessions of its users; {@code store} opens it again and
     * reaches it past the engine. Closing closes the workspace and drops a PostgreSQL copy.
     */
    public record Fixture(Workspace workspace, Session admin, Session clerk, Session clerk2, Session supervisor,
                          Session supervisor2, ReviewService review, TestStore store) implements AutoCloseable {
        @Override
        public void close() {
            try {
                workspace.close();
            } finally {
                store.close();
            }
        }
    }

    /** Copies the matched sample workspace to {@code dir/ws.grw} and returns its path (closed). */
    public static Path copyTo(Path dir) {
        try {
            Path file = dir.resolve("ws.grw");
            Files.copy(template(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a fresh copy of the matched sample workspace in {@code dir}. */
    public static Fixture open(Path dir) {
        return open(StoreKind.SQLITE, dir);
    }

    /** Opens a fresh copy of the matched sample workspace: a file in {@code dir}, or a database of its own. */
    public static Fixture open(StoreKind kind, Path dir) {
        TestStore store = kind == StoreKind.SQLITE ? TestStore.file(copyTo(dir))
                : TestStore.postgres(PostgresDatabases.copyOf(postgresTemplate()));
        try {
            return fixture(store.open(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The sessions of an open copy of the sample workspace, which is in the file {@code w.file()}. */
    public static Fixture fixture(Workspace w) {
        return fixture(w, TestStore.file(w.file()));
    }

    public static Fixture fixture(Workspace w, TestStore store) {
        UserService users = new UserService(w);
        return new Fixture(w, users.login(ADMIN, ADMIN_PASSWORD.toCharArray()),
                users.login(CLERK, CLERK_PASSWORD.toCharArray()), users.login(CLERK2, CLERK2_PASSWORD.toCharArray()),
                users.login(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray()),
                users.login(SUPERVISOR2, SUPERVISOR2_PASSWORD.toCharArray()), new ReviewService(w), store);
    }

    /** Creates a workspace with the users of the fixture (no sources). */
    public static Session createWithUsers(Workspace w) {
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator(ADMIN, ADMIN_PASSWORD.toCharArray());
        addAccount(users, admin, CLERK, Role.CLERK, CLERK_PASSWORD);
        addAccount(users, admin, CLERK2, Role.CLERK, CLERK2_PASSWORD);
        addAccount(users, admin, SUPERVISOR, Role.SUPERVISOR, SUPERVISOR_PASSWORD);
        addAccount(users, admin, SUPERVISOR2, Role.SUPERVISOR, SUPERVISOR2_PASSWORD);
        return admin;
    }

    /** The one-time password an administrator gives a new account in the tests. */
    public static final String ONE_TIME_PASSWORD = "Erstes-Kennwort-42";

    /**
     * Adds an account as an office does: the administrator sets a one-time password, the holder signs in with it
     * and sets their own ({@code password}), so the account may propose and approve.
     */
    public static void addAccount(UserService users, Session admin, String name, Role role, String password) {
        users.addUser(admin, name, role, ONE_TIME_PASSWORD.toCharArray());
        Session holder = users.login(name, ONE_TIME_PASSWORD.toCharArray());
        users.setPassword(holder, name, password.toCharArray());
    }

    /** Imports a file with automatic column mapping. */
    public static WorkspaceImporter.Result importFile(Workspace w, Session session, Path file, String as) {
        return new WorkspaceImporter(w).importFile(session, file, MappingFile.NONE, null, as, ProgressListener.NONE,
                CancellationToken.NONE);
    }

    public static WorkspaceMatcher.Result match(Workspace w, Session session) {
        return new WorkspaceMatcher(w).run(session, null, ProgressListener.NONE, CancellationToken.NONE);
    }

    /** The template database on PostgreSQL: built like the file, once per JVM (dropped when it ends). */
    public static synchronized String postgresTemplate() {
        if (pgTemplate == null) {
            String db = PostgresDatabases.create();
            try (Workspace w = TestStore.postgres(db).create("person-de")) {
                build(w);
            }
            pgTemplate = db;
        }
        return pgTemplate;
    }

    private static void build(Workspace w) {
        Session admin = createWithUsers(w);
        for (String sample : SAMPLES) {
            importFile(w, admin, Path.of("samples", sample + ".csv"), null);
        }
        match(w, new UserService(w).login(CLERK, CLERK_PASSWORD.toCharArray()));
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("grw-governance-template");
            Path file = dir.resolve("template.grw");
            try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
                build(w);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // temporary files
                }
            }));
            template = file;
        }
        return template;
    }

    // ---- small SQL helpers for assertions ----

    public static long count(Workspace w, String sql, Object... params) {
        return w.read(c -> {
            List<List<Object>> rows = rows(c, sql, params);
            return ((Number) rows.get(0).get(0)).longValue();
        });
    }

    public static List<List<Object>> rows(Workspace w, String sql, Object... params) {
        return w.read(c -> rows(c, sql, params));
    }

    /**
     * Rows of a query; whole numbers that fit an {@code int} come as {@link Integer} from either store (as SQLite's
     * driver gives them; PostgreSQL's gives a {@code BIGINT} as {@link Long}).
     */
    public static List<List<Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof Long l && l == l.intValue() ? (Object) l.intValue() : v);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Record ids of a cluster. */
    public static List<Long> members(Workspace w, long clusterId) {
        return rows(w, "SELECT record_id FROM cluster_members WHERE cluster_id = ? ORDER BY record_id", clusterId)
                .stream().map(r -> ((Number) r.get(0)).longValue()).toList();
    }
}
