package de.grw.samples;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalService;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample workspace a first-time user opens: built from the bundled samples, with the decisions its README
 * promises; and, on it, the review queue's paging (priority order, filters) against a plain reference query.
 */
class SampleWorkspaceTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static Session clerk;
    static Session supervisor;
    static ReviewService review;

    @BeforeAll
    static void build() throws Exception {
        workspace = SampleWorkspace.build(dir.resolve("beispiel.grw"), (phase, done, total) -> { }, () -> false);
        UserService users = new UserService(workspace);
        clerk = users.login(SampleWorkspace.CLERK, SampleWorkspace.PASSWORD.toCharArray());
        supervisor = users.login(SampleWorkspace.SUPERVISOR, SampleWorkspace.PASSWORD.toCharArray());
        review = new ReviewService(workspace);
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void theDecisionsOfTheStoryAreThere() {
        assertThat(review.count(clerk, EnumSet.of(ClusterStatus.MERGED))).isEqualTo(4);
        assertThat(review.count(clerk, EnumSet.of(ClusterStatus.AWAITING_APPROVAL))).isEqualTo(3);
        assertThat(review.count(clerk, EnumSet.of(ClusterStatus.NOT_DUPLICATE))).isEqualTo(1);
        assertThat(review.count(clerk, EnumSet.of(ClusterStatus.DEFERRED))).isEqualTo(1);
        assertThat(review.count(clerk, EnumSet.of(ClusterStatus.OPEN))).isGreaterThan(20);
        // the rejected merge is back in the queue, with the supervisor's comment as its note
        assertThat(review.queue(clerk, EnumSet.of(ClusterStatus.OPEN), 0))
                .anyMatch(q -> q.note() != null && q.note().contains("Anschrift"));
        assertThat(new JournalService(workspace).verify(supervisor).ok()).isTrue();
    }

    @Test
    void queuePagesFollowThePriorityOrderOfAReferenceQuery() throws Exception {
        Set<ClusterStatus> all = EnumSet.of(ClusterStatus.OPEN, ClusterStatus.AWAITING_APPROVAL,
                ClusterStatus.DEFERRED, ClusterStatus.MERGED);
        assertThat(ids(review.queue(clerk, all, null, 0, 1, 0))).isEqualTo(reference(all, null, 0, 1, -1));
        // a page cut in the middle of the first group, and one that spans groups
        assertThat(ids(review.queue(clerk, all, null, 0, 1, 5))).isEqualTo(reference(all, null, 0, 1, 5));
        int open = review.count(clerk, EnumSet.of(ClusterStatus.OPEN));
        assertThat(ids(review.queue(clerk, all, null, 0, 1, open + 2)))
                .isEqualTo(reference(all, null, 0, 1, open + 2))
                .hasSize(open + 2);
    }

    @Test
    void sourceAndBandFiltersAgreeWithTheReferenceQuery() throws Exception {
        Set<ClusterStatus> queue = EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED);
        for (String source : List.of("sozialamt", "kfz_halter", "melderegister")) {
            List<Long> got = ids(review.queue(clerk, queue, source, 0, 1, 0));
            assertThat(got).as(source).isNotEmpty().isEqualTo(reference(queue, source, 0, 1, -1));
        }
        List<Long> band = ids(review.queue(clerk, queue, null, 0.5, 0.9, 0));
        assertThat(band).isEqualTo(reference(queue, null, 0.5, 0.9, -1));
        assertThat(review.queue(clerk, queue, null, 0.5, 0.9, 0))
                .allSatisfy(q -> assertThat(q.minProbability()).isBetween(0.5, 0.9));
        assertThat(review.queue(clerk, queue, "no such source", 0, 1, 0)).isEmpty();
    }

    private static List<Long> ids(List<QueueEntry> entries) {
        return entries.stream().map(QueueEntry::clusterId).toList();
    }

    /** The queue as one straightforward (slow on large workspaces) query: the order the paging must keep. */
    private static List<Long> reference(Set<ClusterStatus> statuses, String source, double min, double max,
                                        int limit) {
        String in = String.join(",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
        String bySource = source == null ? "" : " AND id IN (SELECT m.cluster_id FROM cluster_members m JOIN records r"
                + " ON r.id = m.record_id JOIN sources s ON s.id = r.source_id WHERE s.name = ?)";
        return workspace.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM clusters WHERE status IN (" + in
                    + ") AND min_probability >= ? AND (min_probability < ? OR ? >= 1)" + bySource
                    + " ORDER BY CASE status WHEN 'OPEN' THEN 0 WHEN 'AWAITING_APPROVAL' THEN 1 ELSE 2 END, "
                    + "min_probability, id LIMIT ?")) {
                int i = 1;
                ps.setDouble(i++, min);
                ps.setDouble(i++, max);
                ps.setDouble(i++, max);
                if (source != null) {
                    ps.setString(i++, source);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }
}
