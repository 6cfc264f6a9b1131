package de.grw.dev;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.review.ReviewService;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Developer harness: builds a workspace from a generated population and times the steps. */
public final class DevWorkspace {
    public static void main(String[] args) throws Exception {
        System.setProperty("grw.kdf.iterations", "10000");
        Path dir = Path.of(args[0]);
        Path file = Path.of(args[1]);
        Files.deleteIfExists(file);
        long t0 = System.nanoTime();
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            // a one-time password from the administrator, then the holder sets their own
            users.addUser(admin, "anna", Role.CLERK, "Erstes-Kennwort-42".toCharArray());
            users.setPassword(users.login("anna", "Erstes-Kennwort-42".toCharArray()), "anna", "Sachbearbeitung1".toCharArray());
            for (String f : new String[] {"melderegister", "sozialamt", "kfz_halter"}) {
                long t = System.nanoTime();
                new WorkspaceImporter(w).importFile(admin, dir.resolve(f + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
                System.out.printf("import %s %.1f s%n", f, (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            WorkspaceMatcher.Result r = new WorkspaceMatcher(w).run(admin, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            System.out.printf("match %.1f s: %d clusters, %d new; engine %s%n", (System.nanoTime() - t) / 1e9,
                    r.clusters(), r.newClusters(), r.result().timings());
        }
        System.out.printf("total %.1f s, file %d MB%n", (System.nanoTime() - t0) / 1e9, Files.size(file) >> 20);
        long t = System.nanoTime();
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            Session anna = new UserService(w).login("anna", "Sachbearbeitung1".toCharArray());
            ReviewService review = new ReviewService(w);
            System.out.printf("open+login %.2f s%n", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            var queue = review.queue(anna, null, 0);
            System.out.printf("queue %d entries %.2f s%n", queue.size(), (System.nanoTime() - t) / 1e9);
            long[] times = new long[Math.min(200, queue.size())];
            for (int i = 0; i < times.length; i++) {
                long s = System.nanoTime();
                review.show(anna, queue.get(i).clusterId(), "AZ-1");
                times[i] = System.nanoTime() - s;
            }
            java.util.Arrays.sort(times);
            System.out.printf("show: median %.1f ms, p95 %.1f ms, max %.1f ms%n", times[times.length / 2] / 1e6,
                    times[times.length * 95 / 100] / 1e6, times[times.length - 1] / 1e6);
        }
    }
}
