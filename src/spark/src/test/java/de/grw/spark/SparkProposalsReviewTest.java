package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.MatchOptions;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.ConstraintsExporter;
import de.grw.workspace.MatchConstraints;
import de.grw.workspace.ProposalImporter;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceProfile;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions flow both ways (issue 17), end to end: the Spark job (local mode) matches a generated population and
 * writes its proposal bundle; the bundle is loaded into a workspace holding the same registers, and the review queue
 * shows the job's clusters; clerks decide (a not-duplicate, a merge a supervisor approves); the constraints
 * exported from that workspace drive a second run of the job, which keeps the not-duplicate apart and the merged
 * records together.
 */
class SparkProposalsReviewTest extends SparkSessionTest {

    @TempDir
    Path dir;

    @Test
    void theJobsBundleIsReviewedInTheQueueAndTheDecisionsDriveTheNextRun() throws Exception {
        Path[] inputs = SparkTestSession.population(dir.resolve("population"), 2_500);

        try (Workspace w = WorkspaceSetup.create(dir.resolve("land.grw"), Clock.systemUTC(), "person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            for (Path input : inputs) {
                TestWorkspaces.importFile(w, admin, input, null);
            }
            UserService users = new UserService(w);
            Session clerk = users.login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            Session supervisor = users.login(TestWorkspaces.SUPERVISOR,
                    TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
            MatchProfile profile = WorkspaceProfile.profile(w);

            // the national run: the job over the same registers, with the workspace's profile
            RecordTable table = SparkTestSession.load(spark, profile, inputs);
            Path bundle = dir.resolve("bundle");
            int jobClusters;
            try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                    .run(spark, table, MatchOptions.defaults())) {
                ProposalBundle.write(spark, result, bundle.toString(), 0.1);
                jobClusters = clusters(result.clusterArray());
            }
            assertThat(jobClusters).isGreaterThan(20);

            ProposalImporter.Result imported = new ProposalImporter(w).importBundle(clerk, bundle);
            assertThat(imported.clusters()).isEqualTo(jobClusters);
            ReviewService review = new ReviewService(w);
            List<QueueEntry> queue = review.queue(clerk, null, 0);
            assertThat(queue).as("the job's clusters in the review queue").hasSize(jobClusters);

            // clerks decide on two of them
            List<QueueEntry> pairs = queue.stream().filter(q -> q.size() == 2).limit(2).toList();
            List<Long> apart = TestWorkspaces.members(w, pairs.get(0).clusterId());
            review.propose(clerk, pairs.get(0).clusterId(), new NotDuplicateCommand(apart.get(0), apart.get(1)),
                    "Zwillinge", "AZ-17-1");
            List<Long> merged = TestWorkspaces.members(w, pairs.get(1).clusterId());
            var d = review.propose(clerk, pairs.get(1).clusterId(), new MergeCommand(merged, Map.of()), "dieselbe",
                    "AZ-17-2");
            review.approve(supervisor, d.id(), "ok");

            Path constraintsFile = dir.resolve("constraints.json");
            new ConstraintsExporter(w).export(clerk, constraintsFile, "AZ-17-3");
            MatchConstraints.Bound bound = MatchConstraints.read(constraintsFile).bind(table);
            assertThat(bound.unresolved()).isZero();

            Map<String, Integer> index = new HashMap<>();
            for (int r = 0; r < table.size(); r++) {
                index.put(table.sourceName(r) + "\u0000" + table.recordId(r), r);
            }
            int a = index.get(key(w, apart.get(0)));
            int b = index.get(key(w, apart.get(1)));
            int m0 = index.get(key(w, merged.get(0)));
            int m1 = index.get(key(w, merged.get(1)));
            try (SparkMatchResult second = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                    .run(spark, table, MatchOptions.defaults(), bound)) {
                int[] s = second.clusterArray();
                assertThat(s[a]).as("the clerk's not-duplicate keeps the two apart").isNotEqualTo(s[b]);
                assertThat(s[m0]).as("the approved merge stays together").isEqualTo(s[m1]);
                assertThat(second.refusedMerges()).isPositive();
            }
        }
    }

    private static String key(Workspace w, long id) {
        List<Object> row = TestWorkspaces.rows(w, "SELECT s.name, r.record_key FROM records r JOIN sources s ON "
                + "s.id = r.source_id WHERE r.id = ?", id).get(0);
        return row.get(0) + "\u0000" + row.get(1);
    }

    private static int clusters(int[] clusterOf) {
        Map<Integer, Integer> size = new HashMap<>();
        for (int c : clusterOf) {
            size.merge(c, 1, Integer::sum);
        }
        Set<Integer> several = new HashSet<>();
        size.forEach((c, n) -> {
            if (n > 1) {
                several.add(c);
            }
        });
        return several.size();
    }
}
