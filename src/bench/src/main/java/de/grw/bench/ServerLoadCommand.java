package de.grw.bench;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.MappingFile;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import de.grw.users.UserService;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench server-load}: clerks deciding and supervisors approving against one PostgreSQL-backed workspace
 * server, all through the remote client, for a set time; half way the server process is killed ({@code kill -9})
 * and started again, and the clients carry on. Afterwards the store itself is asked: every decision and approval the
 * server acknowledged is there, no cluster holds two live merges, and the journal verifies. Prints decisions per
 * second, latency percentiles per operation, conflicts (a cluster another clerk decided first: refused, as it
 * should be), errors (anything else, while the server was up), and how long the restart took.
 */
@Command(name = "server-load", mixinStandardHelpOptions = true,
        description = {"Load test of the workspace server over PostgreSQL: N clerks decide and M supervisors approve",
            "for a set time, the server is killed (kill -9) half way and restarted; then every acknowledged",
            "decision is looked up in the store, double merges are counted and the journal is verified.",
            "The database password comes from GRW_DB_PASSWORD."})
public final class ServerLoadCommand implements java.util.concurrent.Callable<Integer> {
    private static final String PASSWORD = "Lastprobe-2026";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "20000", description = "Records of the workspace. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--minutes", defaultValue = "10", description = "How long the load runs. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--clerks", defaultValue = "8", description = "Clerks deciding. Default: ${DEFAULT-VALUE}.")
    int clerks;

    @Option(names = "--supervisors", defaultValue = "2", description = "Supervisors approving. Default: ${DEFAULT-VALUE}.")
    int supervisors;

    @Option(names = "--kill-at", defaultValue = "0.5",
            description = "When to kill the server (kill -9), as a share of the run; 0 for never. Default: ${DEFAULT-VALUE}.")
    double killAt;

    @Option(names = "--server-jar", defaultValue = "target/grw.jar", description = "The product jar. Default: ${DEFAULT-VALUE}.")
    Path serverJar;

    @Option(names = "--db-url", defaultValue = "jdbc:postgresql://localhost:5432/postgres",
            description = "A PostgreSQL database where a scratch database can be created. Default: ${DEFAULT-VALUE}.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "Its account. Default: ${DEFAULT-VALUE}.")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "Read the database password from this file instead of GRW_DB_PASSWORD.")
    Path dbPasswordFile;

    @Option(names = "--keep", description = "Keep the scratch database and folder.")
    boolean keep;

    /** One operation's latencies (nanoseconds). */
    private static final class Timings {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

        void add(long start) {
            nanos.add(System.nanoTime() - start);
        }

        String describe() {
            List<Long> sorted;
            synchronized (nanos) {
                sorted = new ArrayList<>(nanos);
            }
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "none";
            }
            return String.format("%,d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1,
                            (int) (sorted.size() * 0.99))) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        }
    }

    private final Map<String, Timings> timings = new ConcurrentHashMap<>();
    /** Acknowledged proposals: decision id -> cluster id. */
    private final Map<Long, Long> proposed = new ConcurrentHashMap<>();
    /** Acknowledged approvals: decision id -> supervisor. */
    private final Map<Long, String> approved = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    /** Of those: while the server process was up (a sign-in it lost with its restart, a client's timeout). */
    private final AtomicLong unreachableWhileUp = new AtomicLong();
    private final List<String> unreachableSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean serverDown;
    private volatile String url;
    private volatile String fingerprint;

    private Timings timing(String op) {
        return timings.computeIfAbsent(op, k -> new Timings());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String dbPassword = dbPasswordFile != null ? Files.readString(dbPasswordFile, StandardCharsets.UTF_8).strip()
                : System.getenv().getOrDefault("GRW_DB_PASSWORD", "");
        Path dir = Files.createTempDirectory("grw-server-load");
        String database = "grw_load_" + Long.toString(System.currentTimeMillis(), 36);
        Process server = null;
        try {
            Path file = dir.resolve("load.grw");
            build(file, out);
            try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                 Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
            String pgUrl = dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1) + database;
            try (LocalWorkbench w = LocalWorkbench.open(file); SignedIn admin = w.signIn("admin", PASSWORD.toCharArray())) {
                long t = System.nanoTime();
                LocalWorkbench.CopyResult copied = w.copyToPostgres(admin, pgUrl, dbUser, dbPassword.toCharArray(), "grw");
                out.printf("copied into PostgreSQL: %,d rows in %.1f s%n", copied.total(), (System.nanoTime() - t) / 1e9);
            }
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path passwordFile = dir.resolve("db.password");
            Files.writeString(passwordFile, dbPassword, StandardCharsets.UTF_8);
            Path config = dir.resolve("server.conf");
            Files.writeString(config, String.join("\n", "listen.address = 127.0.0.1", "listen.port = " + port,
                    "data.dir = " + dir.resolve("data"), "store = postgresql", "store.postgresql.url = " + pgUrl,
                    "store.postgresql.user = " + dbUser, "store.postgresql.passwordFile = " + passwordFile,
                    "store.postgresql.schema = grw", "signin.maxFailuresPerAccount = 1000",
                    "signin.maxFailuresPerAddress = 10000", ""), StandardCharsets.UTF_8);
            url = "https://127.0.0.1:" + port + "/api/v1";
            server = start(config, dir.resolve("server-1.log"), out);

            long durationNanos = (long) (minutes * 60e9);
            long begin = System.nanoTime();
            long end = begin + durationNanos;
            List<Thread> threads = new ArrayList<>();
            for (int i = 1; i <= clerks; i++) {
                String user = "clerk" + i;
                Thread c = new Thread(() -> clerk(user, end), user);
                c.start();
                threads.add(c);
            }
            for (int i = 1; i <= supervisors; i++) {
                String user = "super" + i;
                Thread c = new Thread(() -> supervisor(user, end), user);
                c.start();
                threads.add(c);
            }
            double restartSeconds = -1;
            if (killAt > 0) {
                Thread.sleep((long) (durationNanos * killAt / 1e6));
                serverDown = true;
                long killed = System.nanoTime();
                server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close
                out.printf("server killed (kill -9) after %.0f s with %,d decisions and %,d approvals acknowledged%n",
                        (killed - begin) / 1e9, proposed.size(), approved.size());
                server = start(config, dir.resolve("server-2.log"), out);
                restartSeconds = (System.nanoTime() - killed) / 1e9;
                serverDown = false;
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            out.printf("ran %.0f s: %d clerks, %d supervisors, %,d records%n", seconds, clerks, supervisors, records);
            out.printf("decisions acknowledged: %,d (%.1f per second); approvals acknowledged: %,d (%.1f per second)%n",
                    proposed.size(), proposed.size() / seconds, approved.size(), approved.size() / seconds);
            for (String op : List.of("queue", "show", "propose", "pending", "approve")) {
                out.printf("  %-8s %s%n", op, timing(op).describe());
            }
            out.printf("conflicts (a cluster decided or a merge approved by another first, refused): %,d %s%n",
                    conflicts.get(), new java.util.TreeMap<>(conflictKeys));
            out.printf("calls refused while the server was down or restarting: %,d; restart to ready: %s%n",
                    unavailable.get(), restartSeconds < 0 ? "no kill" : String.format("%.1f s", restartSeconds));
            out.printf("  of them while the server process was up (sessions the restart ended, timeouts): %,d%s%n",
                    unreachableWhileUp.get(), unreachableSamples.isEmpty() ? "" : " e.g. " + unreachableSamples);
            out.printf("errors: %,d%s%n", errors.get(), errorSamples.isEmpty() ? "" : " e.g. " + errorSamples.subList(0,
                    Math.min(3, errorSamples.size())));
            int failures = check(pgUrl, dbPassword, out);
            return errors.get() == 0 && failures == 0 ? 0 : 1;
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
            if (!keep) {
                try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                     Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
                deleteTree(dir);
            } else {
                out.println("kept " + dir + " and database " + database);
            }
        }
    }

    /** Asks the store: acknowledged decisions present, approvals in effect, no double merges, journal intact. */
    private int check(String pgUrl, String dbPassword, PrintWriter out) throws Exception {
        int lost = 0;
        int notApproved = 0;
        long doubled;
        try (Connection c = DriverManager.getConnection(pgUrl, dbUser, dbPassword)) {
            Map<Long, String[]> stored = new java.util.HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, cluster_id, state, reviewed_by FROM grw.decisions")) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            for (Map.Entry<Long, Long> e : proposed.entrySet()) {
                String[] row = stored.get(e.getKey());
                if (row == null || !String.valueOf(e.getValue()).equals(row[0])) {
                    lost++;
                }
            }
            for (Map.Entry<Long, String> e : approved.entrySet()) {
                String[] row = stored.get(e.getKey());
                if (row == null || !"EFFECTIVE".equals(row[1]) || !e.getValue().equals(row[2])) {
                    notApproved++;
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT "
                    + "cluster_id FROM grw.decisions WHERE state IN ('PENDING', 'EFFECTIVE') AND kind <> 'DEFER' "
                    + "AND reverts IS NULL GROUP BY cluster_id HAVING count(*) > 1) AS d")) {
                rs.next();
                doubled = rs.getLong(1);
            }
        }
        boolean journal;
        try (RemoteWorkbench w = RemoteWorkbench.connect(url, fingerprint);
             SignedIn admin = w.signIn("admin", PASSWORD.toCharArray())) {
            var result = admin.journal().verify();
            journal = result.ok();
            out.println("journal: " + result.describe());
        }
        out.printf("acknowledged decisions missing from the store: %d; acknowledged approvals not in effect: %d; "
                + "clusters with two live decisions: %d; journal %s%n", lost, notApproved, doubled,
                journal ? "verifies" : "BROKEN");
        return lost + notApproved + (int) doubled + (journal ? 0 : 1);
    }

    private void clerk(String user, long end) {
        SignedIn me = null;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            try {
                if (me == null) {
                    me = RemoteWorkbench.connect(url, fingerprint).signIn(user, PASSWORD.toCharArray());
                }
                long t = System.nanoTime();
                List<QueueEntry> queue = me.review().queue(java.util.EnumSet.of(de.grw.workspace.ClusterStatus.OPEN), 40);
                timing("queue").add(t);
                if (queue.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                QueueEntry pick = queue.get(random.nextInt(queue.size()));
                t = System.nanoTime();
                ClusterView view = me.review().show(pick.clusterId(), "AZ-LAST-" + user);
                timing("show").add(t);
                List<Long> members = view.members().stream().map(m -> m.id()).toList();
                int dice = random.nextInt(10);
                de.grw.review.DecisionCommand command = dice < 7 ? new MergeCommand(members, Map.of())
                        : dice < 9 && members.size() == 2 ? new NotDuplicateCommand(members.get(0), members.get(1))
                        : new DeferCommand();
                t = System.nanoTime();
                DecisionView d = me.review().propose(pick.clusterId(), command, "Lastprobe", "AZ-LAST-" + user);
                timing("propose").add(t);
                proposed.put(d.id(), pick.clusterId());
            } catch (RuntimeException e) {
                me = failed(user, e, me);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void supervisor(String user, long end) {
        SignedIn me = null;
        while (System.nanoTime() < end) {
            try {
                if (me == null) {
                    me = RemoteWorkbench.connect(url, fingerprint).signIn(user, PASSWORD.toCharArray());
                }
                long t = System.nanoTime();
                List<DecisionView> pending = me.approval().pending();
                timing("pending").add(t);
                if (pending.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                List<DecisionView> mine = new ArrayList<>(pending);
                Collections.shuffle(mine);
                for (DecisionView d : mine.subList(0, Math.min(5, mine.size()))) {
                    try {
                        t = System.nanoTime();
                        DecisionView done = me.approval().approve(d.id(), "geprüft");
                        timing("approve").add(t);
                        approved.put(done.id(), user);
                    } catch (RuntimeException e) {
                        me = failed(user, e, me);
                        if (me == null) {
                            break;
                        }
                    }
                }
            } catch (RuntimeException e) {
                me = failed(user, e, me);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Refusals that are the rules at work when several people decide at once, by key, counted. */
    private final Map<String, AtomicLong> conflictKeys = new ConcurrentHashMap<>();

    /**
     * A call that failed: a refusal of the rules (another clerk decided the cluster first, the other supervisor
     * approved first) is a conflict; the server unreachable, or a session it no longer knows after a restart, means
     * signing in again; anything else is an error.
     */
    private SignedIn failed(String user, RuntimeException e, SignedIn session) {
        String key = e instanceof UserFacingException u && u.text() != null ? u.text().key() : null;
        if (key != null && !(e instanceof de.grw.rights.AccessDeniedException) && !key.startsWith("remote.")
                && !key.startsWith("server.")) {
            conflicts.incrementAndGet();
            conflictKeys.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            return session;
        }
        if (serverDown || isConnectionProblem(e)) {
            unavailable.incrementAndGet();
            if (!serverDown) {
                unreachableWhileUp.incrementAndGet();
                if (unreachableSamples.size() < 5) {
                    unreachableSamples.add(user + ": " + e.getMessage());
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return null; // sign in again: a restarted server has no sessions
        }
        errors.incrementAndGet();
        if (errorSamples.size() < 10) {
            errorSamples.add(user + ": " + e);
        }
        return session;
    }

    /** Unreachable (an I/O failure underneath), or a sign-in the restarted server does not know (401). */
    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return e instanceof de.grw.rights.AccessDeniedException a && a.text() != null
                && List.of("server.not_signed_in", "server.session_ended").contains(a.text().key());
    }

    /** Starts {@code grw server} and waits for its fingerprint line. */
    private Process start(Path config, Path log, PrintWriter out) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder("java", "-jar", serverJar.toString(), "server", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern fp = Pattern.compile("certificate SHA-256 fingerprint: (\\S+)");
        while (System.nanoTime() - t < 120e9) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server stopped: " + Files.readString(log));
            }
            Matcher m = fp.matcher(Files.readString(log));
            if (m.find()) {
                fingerprint = m.group(1);
                out.printf("server up in %.1f s (%s)%n", (System.nanoTime() - t) / 1e9, url);
                return p;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start within 2 minutes: " + Files.readString(log));
    }

    private void build(Path file, PrintWriter out) throws Exception {
        Path data = Files.createTempDirectory(file.getParent(), "data");
        long t = System.nanoTime();
        new PopulationGenerator().generate(GeneratorConfig.of(1, records, data));
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator("admin", PASSWORD.toCharArray());
            for (int i = 1; i <= clerks; i++) {
                users.addUser(admin, "clerk" + i, Role.CLERK, PASSWORD.toCharArray());
            }
            for (int i = 1; i <= supervisors; i++) {
                users.addUser(admin, "super" + i, Role.SUPERVISOR, PASSWORD.toCharArray());
            }
            for (String name : List.of("melderegister", "sozialamt", "kfz_halter")) {
                new WorkspaceImporter(w).importFile(admin, data.resolve(name + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
            WorkspaceMatcher.Result r = new WorkspaceMatcher(w).run(admin, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            out.printf("built a workspace of %,d records with %,d clusters in %.0f s%n", r.records(), r.clusters(),
                    (System.nanoTime() - t) / 1e9);
        }
        deleteTree(data);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
