package de.grw.samples;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The sample workspace a new user can open at once: built from the bundled samples (a Melderegister, a Sozialamt and
 * a Kfz register extract of "Musterstadt", see samples/README.md), with three demo accounts, matched, and with some
 * decisions already taken, so that every screen shows something meaningful: approved merges (golden records), merges
 * waiting for approval, a rejected merge back in the queue with the supervisor's comment, a "not a duplicate" and a
 * deferral; the rest waits in the review queue.
 */
public final class SampleWorkspace {
    /** Demo accounts: name and password (shown on the start screen; for the sample only). */
    public static final String ADMIN = "admin";
    public static final String CLERK = "sachbearbeitung";
    public static final String SUPERVISOR = "vorgesetzte";
    public static final String PASSWORD = "Beispiel-2026";
    static final List<String> FILES = List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv");

    private SampleWorkspace() {
    }

    /** The case reference of the sample decisions. */
    public static final String CASE = "51.2-2026/0815";

    private static void takeDecisions(Workspace w, UserService users) {
        Session clerk = users.login(CLERK, PASSWORD.toCharArray());
        Session supervisor = users.login(SUPERVISOR, PASSWORD.toCharArray());
        ReviewService review = de.grw.learning.Learning.review(w);
        List<QueueEntry> queue = review.queue(clerk, EnumSet.of(ClusterStatus.OPEN), 0);
        if (queue.size() < 12) {
            return;
        }
        // the most certain clusters are merged and approved; a few wait for approval; one is rejected
        List<QueueEntry> certain = new ArrayList<>(queue.subList(queue.size() - 8, queue.size()));
        Collections.reverse(certain);
        for (int i = 0; i < certain.size(); i++) {
            QueueEntry q = certain.get(i);
            List<Long> members = review.memberIds(clerk, q.clusterId());
            DecisionView d = review.propose(clerk, q.clusterId(), new MergeCommand(members, Map.of()),
                    "Gleiche Person in allen Registern", CASE);
            if (i < 4) {
                review.approve(supervisor, d.id(), "geprüft");
            } else if (i == 4) {
                review.reject(supervisor, d.id(), "Bitte die Anschrift mit dem Melderegister abgleichen");
            }
        }
        // the least certain two-record cluster is not a duplicate; the next one is deferred
        List<QueueEntry> uncertain = queue.stream().filter(q -> q.size() == 2).limit(2).toList();
        if (uncertain.size() == 2) {
            List<Long> pair = review.memberIds(clerk, uncertain.get(0).clusterId());
            review.propose(clerk, uncertain.get(0).clusterId(), new NotDuplicateCommand(pair.get(0), pair.get(1)),
                    "Verschiedene Personen (Geburtsdatum)", CASE);
            review.propose(clerk, uncertain.get(1).clusterId(), new DeferCommand(),
                    "Rückfrage beim Sozialamt", CASE);
        }
    }

    /**
     * Adds a sample account as an office does: the administrator gives it a one-time password, and its holder sets
     * the sample password as their own (so the account may propose and approve at once).
     */
    private static void addAccount(UserService users, Session admin, String name, Role role) {
        char[] oneTime = ("Einmal-" + java.util.UUID.randomUUID()).toCharArray();
        users.addUser(admin, name, role, oneTime);
        users.setPassword(users.login(name, oneTime), name, PASSWORD.toCharArray());
    }

    /** Builds the sample workspace at {@code file} (replacing an existing one) and returns it open. */
    public static Workspace build(Path file, ProgressListener progress, CancellationToken cancel) throws IOException {
        de.grw.store.OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        Path tmp = Files.createTempDirectory("grw-samples");
        try {
            Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de");
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator(ADMIN, PASSWORD.toCharArray());
            addAccount(users, admin, CLERK, Role.CLERK);
            addAccount(users, admin, SUPERVISOR, Role.SUPERVISOR);
            WorkspaceImporter importer = new WorkspaceImporter(w);
            for (String name : FILES) {
                Path copy = tmp.resolve(name);
                try (InputStream in = SampleWorkspace.class.getResourceAsStream("/samples/" + name)) {
                    if (in == null) {
                        throw new IOException("the sample " + name + " is missing from the application");
                    }
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                importer.importFile(admin, copy, MappingFile.NONE, null, null, progress, cancel);
            }
            de.grw.learning.Learning.matcher(w).run(admin, null, progress, cancel);
            takeDecisions(w, users);
            return w;
        } finally {
            for (String name : FILES) {
                Files.deleteIfExists(tmp.resolve(name));
            }
            Files.deleteIfExists(tmp);
        }
    }
}
