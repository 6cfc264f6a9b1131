package de.grw.bench;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.api.remote.RemoteWorkbench;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench server-load}: clerks deciding and supervisors approving against one PostgreSQL-backed workspace
 * server, all through the remote client, while linking applications (accounts with the role API) link records, read
 * golden records and search; the server process is killed ({@code kill -9}) during the run and started again, and
 * the clients carry on. Afterwards the store itself is asked: every decision and approval the server acknowledged is
 * there, no cluster holds two live merges, and the journal verifies. Prints decisions per second, latency
 * percentiles per operation, conflicts (a cluster another clerk decided first: refused, as it should be), errors
 * (anything else, while the server was up) and how long the restart took; the linkers' figures apart from the
 * clerks'. The clients are {@link LoadClients}, the server process {@link LoadServer}, the workspace
 * {@link LoadWorkspace}.
 */
@Command(name = "server-load", mixinStandardHelpOptions = true,
        description = "Load test of the workspace server over PostgreSQL: N clerks decide and M supervisors approve "
            + "for a set time while L linking applications link, the server is killed (kill -9) during the run and "
            + "restarted; then every acknowledged decision is looked up in the store, double merges are counted and "
            + "the journal is verified. The database password comes from GRW_DB_PASSWORD.")
public final class ServerLoadCommand implements java.util.concurrent.Callable<Integer> {
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

    @Option(names = "--linkers", defaultValue = "2",
            description = "Linking applications (role API) calling link, golden record and search. "
                + "Default: ${DEFAULT-VALUE}.")
    int linkers;

    @Option(names = "--kill-at", defaultValue = "0.5",
            description = "When to kill the server (kill -9), as a share of the run; 0 for never. After the restart "
                + "the load goes on for the rest of the share. Default: ${DEFAULT-VALUE}.")
    double killAt;

    @Option(names = "--kill-after-decisions", defaultValue = "0", paramLabel = "N",
            description = "Kill the server once N decisions are acknowledged instead of at a share of the time "
                + "(at most --kill-wait-max seconds after the start); after the restart the run goes on for "
                + "(1 - kill-at) of --minutes and until N more decisions and a link call were acknowledged (at "
                + "most --kill-wait-max seconds). Default: ${DEFAULT-VALUE} (by time).")
    int killAfterDecisions;

    @Option(names = "--kill-wait-max", defaultValue = "600", paramLabel = "SECONDS",
            description = "With --kill-after-decisions: kill at the latest this long after the start, and wait at most "
                + "this long after the restart. Default: ${DEFAULT-VALUE}.")
    double killWaitMax;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String dbPassword = dbPasswordFile != null ? Files.readString(dbPasswordFile, StandardCharsets.UTF_8).strip()
                : System.getenv().getOrDefault("GRW_DB_PASSWORD", "");
        Path dir = Files.createTempDirectory("grw-server-load");
        String database = "grw_load_" + Long.toString(System.currentTimeMillis(), 36);
        LoadServer server = null;
        try {
            Path file = dir.resolve("load.grw");
            List<Map<String, String>> samples = LoadWorkspace.build(file, records, clerks, supervisors, linkers, 2000,
                    out);
            try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                 Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
            String pgUrl = dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1) + database;
            try (LocalWorkbench w = LocalWorkbench.open(file);
                 SignedIn admin = w.signIn("admin", LoadClients.PASSWORD.toCharArray())) {
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
            server = new LoadServer(serverJar, config, port);
            server.start(dir.resolve("server-1.log"), out);
            if (linkers > 0) {
                out.printf("link index ready %.1f s later (GET /api/v1/status)%n", server.awaitLinkIndex(600));
            }
            int errors = run(server, samples, dir, out);
            return errors + check(clients, server, pgUrl, dbPassword, out) == 0 ? 0 : 1;
        } finally {
            if (server != null) {
                server.close();
            }
            if (!keep) {
                try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                     Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
                LoadWorkspace.deleteTree(dir);
            } else {
                out.println("kept " + dir + " and database " + database);
            }
        }
    }

    private LoadClients clients;

    private static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true); // a failed run does not keep the JVM alive
        t.start();
        return t;
    }

    /** Runs the clients, kills and restarts the server, prints the figures; returns the errors seen. */
    private int run(LoadServer server, List<Map<String, String>> samples, Path dir, PrintWriter out)
            throws Exception {
        long durationNanos = (long) (minutes * 60e9);
        long begin = System.nanoTime();
        boolean byDecisions = killAt > 0 && killAfterDecisions > 0;
        clients = new LoadClients(server, samples, byDecisions ? Long.MAX_VALUE : begin + durationNanos);
        clients.linkIndexReady(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= clerks; i++) {
            String user = "clerk" + i;
            threads.add(start(user, () -> clients.clerk(user)));
        }
        for (int i = 1; i <= supervisors; i++) {
            String user = "super" + i;
            threads.add(start(user, () -> clients.supervisor(user)));
        }
        for (int i = 1; i <= linkers; i++) {
            String user = "linker" + i;
            threads.add(start(user, () -> clients.linker(user)));
        }
        Kill kill = new Kill(-1, -1, 0, 0, 0);
        if (killAt > 0) {
            try {
                kill = killAndRestart(server, begin, durationNanos, byDecisions, dir, out);
            } catch (Exception | Error e) {
                clients.endAt(System.nanoTime()); // the clients stop; the run failed
                throw e;
            }
        }
        double restartSeconds = kill.restartSeconds();
        double indexSeconds = kill.indexSeconds();
        int decisionsAtKill = kill.decisions();
        int approvalsAtKill = kill.approvals();
        int linkCallsAtKill = kill.linkCalls();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        LoadFigures review = clients.review;
        out.printf("ran %.0f s: %d clerks, %d supervisors, %d linkers, %,d records%n", seconds, clerks, supervisors,
                linkers, records);
        out.printf("decisions acknowledged: %,d (%.1f per second); approvals acknowledged: %,d (%.1f per second)%n",
                clients.proposed.size(), clients.proposed.size() / seconds, clients.approved.size(),
                clients.approved.size() / seconds);
        for (String op : List.of("queue", "show", "propose", "pending", "approve")) {
            out.printf("  %-8s %s%n", op, review.timing(op).describe());
        }
        out.printf("conflicts (a cluster decided or a merge approved by another first, refused): %,d %s%n",
                review.conflicts(), review.conflictKeys());
        out.printf("calls refused while the server was down or restarting: %,d; restart to ready: %s%n",
                review.unavailable(), restartSeconds < 0 ? "no kill" : String.format("%.1f s", restartSeconds));
        out.printf("  of them while the server process was up (sessions the restart ended, timeouts): %,d%s%n",
                review.unreachableWhileUp(), review.unreachableSamples());
        out.printf("errors: %,d%s%n", review.errors(), review.errorSamples());
        if (killAt > 0) {
            out.printf("after the restart: %,d decisions, %,d approvals and %,d link calls acknowledged%n",
                    clients.proposed.size() - decisionsAtKill, clients.approved.size() - approvalsAtKill,
                    clients.linking.timing("link").count() - linkCallsAtKill);
        }
        LoadFigures linking = clients.linking;
        if (linkers > 0) {
            int links = linking.timing("link").count();
            out.printf("linking: %,d link calls (%.1f per second), %,d of them naming a golden record%s%n", links,
                    links / seconds, clients.linkedToGolden.get(), indexSeconds < 0 ? ""
                            : String.format("; link index ready %.1f s after the restart", indexSeconds));
            for (String op : List.of("link", "golden", "search")) {
                out.printf("  %-8s %s%n", op, linking.timing(op).describe());
            }
            out.printf("linking calls refused while the server was down or restarting: %,d (while up: %,d)%s%n",
                    linking.unavailable(), linking.unreachableWhileUp(), linking.unreachableSamples());
            out.printf("linking errors: %,d%s%n", linking.errors(), linking.errorSamples());
        }
        return (int) Math.min(Integer.MAX_VALUE, review.errors() + linking.errors());
    }

    /** What the kill left: the restart's and the link index's seconds, and what was acknowledged before it. */
    private record Kill(double restartSeconds, double indexSeconds, int decisions, int approvals, int linkCalls) {
    }

    /** Kills the server (at a share of the time or after N decisions), starts it again and lets the load go on. */
    private Kill killAndRestart(LoadServer server, long begin, long durationNanos, boolean byDecisions, Path dir,
                                PrintWriter out) throws Exception {
        if (byDecisions) {
            while (clients.proposed.size() < killAfterDecisions && System.nanoTime() - begin < killWaitMax * 1e9) {
                Thread.sleep(50);
            }
        } else {
            Thread.sleep((long) (durationNanos * killAt / 1e6));
        }
        clients.linkIndexReady(false);
        long killed = System.nanoTime();
        server.kill(); // SIGKILL: no shutdown hook, no clean close
        int decisionsAtKill = clients.proposed.size();
        int approvalsAtKill = clients.approved.size();
        int linkCallsAtKill = clients.linking.timing("link").count();
        out.printf("server killed (kill -9) after %.0f s with %,d decisions, %,d approvals and %,d link calls "
                + "acknowledged%n", (killed - begin) / 1e9, decisionsAtKill, approvalsAtKill, linkCallsAtKill);
        server.start(dir.resolve("server-2.log"), out);
        double restartSeconds = (System.nanoTime() - killed) / 1e9;
        server.up();
        long restarted = System.nanoTime();
        // the run lasts --minutes, and at least the rest of its share after the restart
        long plannedEnd = Math.max(begin + durationNanos, restarted + (long) (durationNanos * (1 - killAt)));
        if (!byDecisions) {
            clients.endAt(plannedEnd);
        }
        double indexSeconds = -1;
        if (linkers > 0) {
            indexSeconds = server.awaitLinkIndex(600);
        }
        clients.linkIndexReady(true);
        if (byDecisions) { // and until as many decisions (and a link call) were acknowledged after the restart
            while (System.nanoTime() < plannedEnd || (System.nanoTime() - restarted < killWaitMax * 1e9
                    && (clients.proposed.size() - decisionsAtKill < killAfterDecisions
                    || linkers > 0 && clients.linking.timing("link").count() == linkCallsAtKill))) {
                Thread.sleep(50);
            }
            clients.endAt(System.nanoTime());
        }
        return new Kill(restartSeconds, indexSeconds, decisionsAtKill, approvalsAtKill, linkCallsAtKill);
    }

    /** Asks the store: acknowledged decisions present, approvals in effect, no double merges, journal intact. */
    private int check(LoadClients clients, LoadServer server, String pgUrl, String dbPassword, PrintWriter out)
            throws Exception {
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
            for (Map.Entry<Long, Long> e : clients.proposed.entrySet()) {
                String[] row = stored.get(e.getKey());
                if (row == null || !String.valueOf(e.getValue()).equals(row[0])) {
                    lost++;
                }
            }
            for (Map.Entry<Long, String> e : clients.approved.entrySet()) {
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
        try (RemoteWorkbench w = server.connect();
             SignedIn admin = w.signIn("admin", LoadClients.PASSWORD.toCharArray())) {
            var result = admin.journal().verify();
            journal = result.ok();
            out.println("journal: " + result.describe());
        }
        out.printf("acknowledged decisions missing from the store: %d; acknowledged approvals not in effect: %d; "
                + "clusters with two live decisions: %d; journal %s%n", lost, notApproved, doubled,
                journal ? "verifies" : "BROKEN");
        return lost + notApproved + (int) doubled + (journal ? 0 : 1);
    }
}
