package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.journal.Journal;
import de.grw.journal.JournalVerifier;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The governance core end to end on the bundled samples. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class GovernanceFlowTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void importMatchReviewApproveRevert() {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            de.grw.workspace.TestWorkspaces.addAccount(users, admin, "anna", Role.CLERK, "Sachbearbeitung1");
            de.grw.workspace.TestWorkspaces.addAccount(users, admin, "bernd", Role.SUPERVISOR, "Vorgesetzter-1");
            Session anna = users.login("anna", "Sachbearbeitung1".toCharArray());
            Session bernd = users.login("bernd", "Vorgesetzter-1".toCharArray());

            WorkspaceImporter importer = new WorkspaceImporter(w);
            for (String f : List.of("melderegister", "sozialamt", "kfz_halter")) {
                importer.importFile(admin, Path.of("samples", f + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
            WorkspaceMatcher.Result run = new WorkspaceMatcher(w).run(anna, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(run.records()).isEqualTo(600);
            assertThat(run.newClusters()).isGreaterThan(50);

            ReviewService review = new ReviewService(w);
            List<QueueEntry> queue = review.queue(anna, null, 10);
            assertThat(queue).hasSize(10);
            QueueEntry first = queue.get(0);
            ClusterView view = review.show(anna, first.clusterId(), "AZ-1");
            assertThat(view.members()).hasSize(first.size());

            List<Long> ids = view.members().stream().map(MemberRecord::id).toList();
            DecisionView proposed = review.propose(anna, first.clusterId(), new MergeCommand(ids, Map.of()),
                    "same person", "AZ-1");
            assertThat(proposed.state()).isEqualTo(DecisionState.PENDING);
            assertThatThrownBy(() -> review.approve(anna, proposed.id(), "ok"))
                    .isInstanceOf(AccessDeniedException.class);
            DecisionView approved = review.approve(bernd, proposed.id(), "agreed");
            assertThat(approved.state()).isEqualTo(DecisionState.EFFECTIVE);
            assertThat(review.queue(anna, java.util.Set.of(ClusterStatus.MERGED), 0))
                    .extracting(QueueEntry::clusterId).contains(first.clusterId());

            DecisionView revert = review.revert(bernd, proposed.id(), "wrong person", "AZ-1");
            assertThat(revert.kind()).isEqualTo(DecisionKind.REVERT);
            assertThat(review.decision(anna, proposed.id()).state()).isEqualTo(DecisionState.REVERTED);

            JournalVerifier.Result verified = w.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
            assertThat(verified.ok()).as(verified.describe()).isTrue();
        }
    }
}
