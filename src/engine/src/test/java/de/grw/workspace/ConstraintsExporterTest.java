package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The constraints file for the Spark job (issue 17): an approved merge becomes a must-link group and a
 * not-duplicate decision a cannot-link, named by source and record key; a pending merge is no constraint; bound to
 * a run's records they are what the workspace's own run hands its clustering. Bad files are named with line and
 * problem.
 */
class ConstraintsExporterTest {
    @TempDir
    Path dir;

    @Test
    void approvedMergesAndNotDuplicatesBecomeConstraintsByRecordKey() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            List<Long> clusters = review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() >= 2)
                    .map(QueueEntry::clusterId).limit(3).toList();
            List<Long> merged = TestWorkspaces.members(w, clusters.get(0));
            var d = review.propose(f.clerk(), clusters.get(0), new MergeCommand(merged, Map.of()), "same", "AZ-1");
            review.approve(f.supervisor(), d.id(), "ok");
            List<Long> apart = TestWorkspaces.members(w, clusters.get(1));
            review.propose(f.clerk(), clusters.get(1), new NotDuplicateCommand(apart.get(0), apart.get(1)), "twins",
                    "AZ-2");
            List<Long> pending = TestWorkspaces.members(w, clusters.get(2));
            review.propose(f.clerk(), clusters.get(2), new MergeCommand(pending, Map.of()), "same?", "AZ-3");

            Path out = dir.resolve("out/constraints.json");
            // no case reference, or one that names no case: refused, nothing written, nothing logged
            assertThatThrownBy(() -> new ConstraintsExporter(w).export(f.clerk(), out, " "))
                    .isInstanceOf(UserFacingException.class).satisfies(e -> {
                        assertThat(((UserFacingException) e).message(java.util.Locale.ENGLISH))
                                .contains("needs a case reference");
                        assertThat(((UserFacingException) e).message(java.util.Locale.GERMAN))
                                .contains("erfordert ein Aktenzeichen");
                    });
            assertThatThrownBy(() -> new ConstraintsExporter(w).export(f.clerk(), out, "--"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("names no case");
            // an application's account (no right to run a match) is refused, whatever its case reference
            de.grw.users.UserService users = new de.grw.users.UserService(w);
            TestWorkspaces.addAccount(users, f.admin(), "fachverfahren", de.grw.rights.Role.API, "Schnittstelle-17");
            de.grw.rights.Session app = users.login("fachverfahren", "Schnittstelle-17".toCharArray());
            assertThatThrownBy(() -> new ConstraintsExporter(w).export(app, out, "AZ-17-9"))
                    .isInstanceOf(de.grw.rights.AccessDeniedException.class).satisfies(e -> {
                        assertThat(((UserFacingException) e).message(java.util.Locale.ENGLISH)).contains(
                                "fachverfahren", "may not export the decisions as constraints");
                        assertThat(((UserFacingException) e).message(java.util.Locale.GERMAN)).contains(
                                "Die Entscheidungen als Vorgaben", "nicht erlaubt");
                    });
            // a purpose a journal sentence could not show as written is refused as a case reference is
            assertThatThrownBy(() -> new ConstraintsExporter(w).export(f.clerk(), out, "AZ-17-9",
                    new ConstraintsExporter.Target(null, "job\nforged line"))).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("control characters");
            assertThatThrownBy(() -> new ConstraintsExporter(w).export(f.clerk(), out, "AZ-17-9",
                    new ConstraintsExporter.Target(null, "x".repeat(ConstraintsExporter.MAX_PURPOSE + 1))))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("longer than 300");
            assertThat(out).doesNotExist();
            assertThat(TestWorkspaces.rows(w, "SELECT id FROM access_log WHERE action = ?",
                    ConstraintsExporter.ACCESS_ACTION)).isEmpty();
            long journalBefore = w.read(de.grw.journal.Journal::latest);
            assertThat(constraintsEntries(w)).isEmpty();

            ConstraintsExporter.Summary s = new ConstraintsExporter(w).export(f.clerk(), out, " AZ-17-9 ");

            // one journal entry, chained after the last one: who, the case, the counts and the file
            assertThat(w.read(de.grw.journal.Journal::latest)).isEqualTo(journalBefore + 1);
            List<de.grw.journal.JournalEntry> entries = constraintsEntries(w);
            assertThat(entries).hasSize(1);
            de.grw.journal.JournalEntry entry = entries.get(0);
            assertThat(entry.seq()).isEqualTo(journalBefore + 1);
            assertThat(entry.user()).isEqualTo(f.clerk().user());
            var payload = de.grw.journal.CanonicalJson.parse(entry.payload());
            assertThat(payload.path("case").asText()).isEqualTo("AZ-17-9");
            assertThat(payload.path("must_link_groups").asInt()).isEqualTo(1);
            assertThat(payload.path("must_link_records").asInt()).isEqualTo(merged.size());
            assertThat(payload.path("cannot_links").asInt()).isEqualTo(1);
            assertThat(payload.path("records").asInt()).isEqualTo(merged.size() + 2);
            assertThat(payload.path("via").asText()).isEqualTo("file");
            assertThat(payload.path("file").asText()).isEqualTo(out.toAbsolutePath().normalize().toString());
            assertThat(payload.has("client")).isFalse();
            assertThat(payload.has("for")).isFalse();
            assertThat(de.grw.journal.JournalVerifier.verify(w.read(de.grw.journal.Journal::all).iterator()).ok())
                    .isTrue();

            assertThat(s).isEqualTo(new ConstraintsExporter.Summary(1, merged.size(), 1));
            // logged in the access log with the records the file names (not the pending merge's)
            assertThat(TestWorkspaces.rows(w, "SELECT user_name, case_ref FROM access_log WHERE action = ?",
                    ConstraintsExporter.ACCESS_ACTION)).containsExactly(List.of(f.clerk().user(), "AZ-17-9"));
            List<Long> named = new java.util.ArrayList<>(merged);
            named.addAll(apart.subList(0, 2));
            assertThat(TestWorkspaces.rows(w, "SELECT r.record_id FROM access_log_records r JOIN access_log l ON "
                    + "l.id = r.access_id WHERE l.action = ? ORDER BY r.record_id", ConstraintsExporter.ACCESS_ACTION)
                    .stream().map(row -> ((Number) row.get(0)).longValue()).toList())
                    .isEqualTo(named.stream().sorted().distinct().toList());
            MatchConstraints c = MatchConstraints.read(out);
            assertThat(c.exportedBy()).isEqualTo(f.clerk().user());
            assertThat(c.mustLink()).containsExactly(merged.stream().map(id -> ref(w, id)).toList());
            assertThat(c.cannotLink()).containsExactly(List.of(ref(w, apart.get(0)), ref(w, apart.get(1))));
            assertThat(Files.readString(out)).contains("\"format\" : \"grw-constraints\"", "\"mustLink\"");

            // bound to the workspace's records (as its own run loads them) they are its run's constraints
            var profile = WorkspaceProfile.profile(w);
            var loaded = w.read(cc -> WorkspaceLoader.load(cc, profile, null));
            MatchConstraints.Bound bound = c.bind(loaded.table());
            assertThat(bound.unresolved()).isZero();
            long[] ids = loaded.ids();
            assertThat(bound.mustLink()).hasDimensions(1, merged.size());
            for (int i = 0; i < merged.size(); i++) {
                assertThat(ids[bound.mustLink()[0][i]]).isEqualTo(merged.get(i));
            }
            int a = java.util.Arrays.binarySearch(ids, apart.get(0));
            int b = java.util.Arrays.binarySearch(ids, apart.get(1));
            assertThat(bound.apart().cannotLink(a, b)).isTrue();
            assertThat(bound.apart().cannotLink(b, a)).isTrue();
            assertThat(bound.apart().cannotLink(a, bound.mustLink()[0][0])).isFalse();
        }
    }

    @Test
    void aBadFileIsNamedWithItsLineAndProblem() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken,
                "{\"format\": \"grw-constraints\",\n\"version\": 1,\n\"mustLink\": [[{\"source\": 1,\n");
        assertThatThrownBy(() -> MatchConstraints.read(broken)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("broken.json: line ").hasMessageContaining("not a constraints file");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"grw-proposals\", \"version\": 1}");
        assertThatThrownBy(() -> MatchConstraints.read(other)).hasMessageContaining("other.json: format "
                + "'grw-proposals' version 1, expected grw-constraints version 1");
        Path three = dir.resolve("three.json");
        Files.writeString(three, "{\"format\": \"grw-constraints\", \"version\": 1, \"cannotLink\": [[{\"source\": "
                + "\"a\", \"id\": \"1\"}, {\"source\": \"a\", \"id\": \"2\"}, {\"source\": \"a\", \"id\": \"3\"}]]}");
        assertThatThrownBy(() -> MatchConstraints.read(three)).hasMessageContaining("three.json: cannotLink entry "
                + "1: needs exactly 2 records");
        assertThatThrownBy(() -> MatchConstraints.read(dir.resolve("missing.json")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("missing.json: cannot read");
    }

    private static List<de.grw.journal.JournalEntry> constraintsEntries(Workspace w) {
        return w.read(de.grw.journal.Journal::all).stream()
                .filter(e -> e.action().equals(de.grw.journal.JournalAction.CONSTRAINTS_EXPORTED.code())).toList();
    }

    private static MatchConstraints.Ref ref(Workspace w, long id) {
        List<Object> row = TestWorkspaces.rows(w, "SELECT s.name, r.record_key FROM records r JOIN sources s ON "
                + "s.id = r.source_id WHERE r.id = ?", id).get(0);
        return new MatchConstraints.Ref((String) row.get(0), (String) row.get(1));
    }
}
