package de.grw.workspace;

import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The set-up of the review tests that run on a fresh copy of the matched sample workspace, on both stores: the
 * fixture with its sessions ({@link TestWorkspaces#open(StoreKind, Path)}) opened before and closed after each test,
 * and the helpers they share. A subclass is annotated {@code @ParameterizedClass @EnumSource(StoreKind.class)}; the
 * store comes into {@link #store}.
 */
public abstract class SampleWorkspaceTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    protected StoreKind store;

    @TempDir
    protected Path dir;

    protected TestWorkspaces.Fixture f;
    protected Workspace w;
    protected ReviewService review;

    @BeforeEach
    void openSampleWorkspace() {
        f = TestWorkspaces.open(store, dir);
        w = f.workspace();
        review = f.review();
    }

    @AfterEach
    void closeSampleWorkspace() {
        f.close();
    }

    /** The {@code skip + 1}-th cluster of the clerk's queue with {@code size} records. */
    protected long clusterOfSize(int size, int skip) {
        return review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == size).skip(skip).findFirst()
                .map(QueueEntry::clusterId).orElseThrow();
    }

    /** The clerk merges {@code members} of the cluster, the supervisor approves: the merge in effect. */
    protected DecisionView mergeApproved(long cluster, List<Long> members) {
        DecisionView d = review.propose(f.clerk(), cluster, new MergeCommand(members, Map.of()), "dieselbe Person",
                "AZ-2026-17");
        return review.approve(f.supervisor(), d.id(), "geprüft");
    }
}
