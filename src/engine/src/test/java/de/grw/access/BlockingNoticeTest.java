package de.grw.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.profile.MatchProfile;
import de.grw.review.GoldenValue;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.RecordLoader;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.workspace.TestWorkspaces;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records under a blocking notice (Auskunftssperre) show {@code ***} for names and address to users without the
 * right to see them; every display is logged with user, time, case reference and record ids, and the log can be
 * queried by person and by user.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class BlockingNoticeTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String HEADER = "Ordnungsmerkmal;Familienname;Geburtsname;Vornamen;Doktorgrad;Geschlecht;"
            + "Geburtsdatum;Geburtsort;Staatsangehörigkeit;Straße;Hausnummer;PLZ;Wohnort;Steuer-ID;Auskunftssperre";
    private static final List<String> NAME_AND_ADDRESS = List.of("family_name", "given_names", "birth_place", "street",
            "house_number", "postal_code", "city");

    @TempDir
    Path dir;

    private TestWorkspaces.Fixture f;
    private Workspace w;
    private ReviewService review;
    private MatchProfile profile;
    private long cluster;
    private List<Long> blocked;

    @BeforeEach
    void importBlockedPerson() throws Exception {
        f = TestWorkspaces.open(store, dir);
        w = f.workspace();
        Path csv = dir.resolve("melderegister_sperren.csv");
        Files.writeString(csv, HEADER + "\n"
                + "900000001;Wagenknecht;;Adelheid Rosa;;w;12.03.1971;Erfurt;deutsch;Lindenallee;7;99084;Erfurt;"
                + "58123456789;ja\n"
                + "900000002;Wagenknecht;;Adelheid;;w;12.03.1971;Erfurt;deutsch;Lindenalle;7;99084;Erfurt;"
                + "58123456789;ja\n"
                + "900000003;Osterhagen;;Friedemann;;m;02.11.1949;Gotha;deutsch;Am Anger;1;99867;Gotha;"
                + "61234567890;nein\n", StandardCharsets.UTF_8);
        TestWorkspaces.importFile(w, f.admin(), csv, null);
        blocked = TestWorkspaces.rows(w, "SELECT id FROM records WHERE blocked = 1 AND record_key LIKE '90000000%' "
                + "ORDER BY id").stream().map(r -> ((Number) r.get(0)).longValue()).toList();
        assertThat(blocked).hasSize(2);
        assertThat(TestWorkspaces.count(w, "SELECT blocked FROM records WHERE record_key = '900000003'")).isZero();
        TestWorkspaces.match(w, f.clerk());
        review = new ReviewService(w);
        profile = review.profile();
        cluster = TestWorkspaces.count(w, "SELECT cluster_id FROM cluster_members m JOIN clusters c ON c.id = "
                + "m.cluster_id WHERE record_id = ? AND c.status = 'OPEN'", blocked.get(0));
        assertThat(TestWorkspaces.members(w, cluster)).isEqualTo(blocked);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String value(MemberRecord m, String field) {
        return m.values().get(profile.fieldIndex(field));
    }

    @Test
    void aClerkSeesNamesAndAddressMaskedASupervisorPlain() {
        ClusterView clerkView = review.show(f.clerk(), cluster, "AZ 32-1/2026");
        assertThat(clerkView.members()).hasSize(2).allSatisfy(m -> {
            assertThat(m.blocked()).isTrue();
            assertThat(m.masked()).isTrue();
            for (String field : NAME_AND_ADDRESS) {
                assertThat(value(m, field)).as(field).isEqualTo(RecordLoader.MASK);
            }
            assertThat(value(m, "birth_date")).as("issue 14: the birth date identifies the person")
                    .isEqualTo(RecordLoader.MASK);
            assertThat(m.cells()).doesNotContain("12.03.1971");
            assertThat(m.cells()).doesNotContain("Wagenknecht", "Adelheid", "Adelheid Rosa", "Lindenallee",
                    "Lindenalle", "99084", "Erfurt");
            assertThat(m.toString()).doesNotContain("Wagenknecht", "Lindenall");
        });
        for (String field : NAME_AND_ADDRESS) {
            assertThat(clerkView.proposal().get(field).value()).as(field).isEqualTo(RecordLoader.MASK);
        }
        assertThat(clerkView.toString()).doesNotContain("Wagenknecht", "Adelheid", "Lindenall");

        ClusterView supervisorView = review.show(f.supervisor(), cluster, "AZ 32-1/2026");
        assertThat(supervisorView.members()).allSatisfy(m -> {
            assertThat(m.blocked()).isTrue();
            assertThat(m.masked()).isFalse();
            assertThat(value(m, "family_name")).isEqualTo("Wagenknecht");
            assertThat(value(m, "postal_code")).isEqualTo("99084");
            assertThat(m.cells()).contains("Wagenknecht", "ja");
        });
        assertThat(supervisorView.proposal().get("given_names").value()).isEqualTo("Adelheid Rosa");
    }

    @Test
    void theGoldenRecordIsMaskedToo() {
        DecisionView d = review.propose(f.clerk(), cluster, new MergeCommand(blocked, Map.of()), "gleich", "AZ-9");
        review.approve(f.supervisor(), d.id(), "geprüft");
        String golden = (String) TestWorkspaces.rows(w, "SELECT id FROM golden_records").get(0).get(0);
        GoldenView forClerk = review.golden(f.clerk(), golden, "AZ-9");
        assertThat(forClerk.blocked()).isTrue();
        assertThat(forClerk.values()).filteredOn(v -> NAME_AND_ADDRESS.contains(v.field()))
                .extracting(GoldenValue::value).containsOnly(RecordLoader.MASK);
        assertThat(forClerk.toString()).doesNotContain("Wagenknecht", "Lindenall");
        GoldenView forSupervisor = review.golden(f.supervisor(), golden, "AZ-9");
        assertThat(forSupervisor.values()).filteredOn(v -> v.field().equals("family_name"))
                .extracting(GoldenValue::value).containsExactly("Wagenknecht");
        // the stored golden record itself is complete
        assertThat(TestWorkspaces.rows(w, "SELECT value FROM golden_values WHERE field = 'city' AND superseded_by "
                + "IS NULL")).containsExactly(List.of("Erfurt"));
    }

    @Test
    void everyDisplayIsLoggedAndCanBeQueriedByPersonAndByUser() {
        long other = review.queue(f.clerk(), null, 0).stream().filter(q -> q.clusterId() != cluster).findFirst()
                .orElseThrow().clusterId();
        long before = TestWorkspaces.count(w, "SELECT count(*) FROM access_log");
        review.show(f.clerk(), cluster, "AZ 32-1/2026");
        review.show(f.clerk(), other, "AZ 32-2/2026");
        review.show(f.supervisor(), cluster, "AZ 32-3/2026");
        assertThatThrownBy(() -> review.show(f.clerk(), cluster, " ")).isInstanceOf(UserFacingException.class);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM access_log")).isEqualTo(before + 3);

        List<AccessLog.Entry> byPerson = w.read(c -> AccessLog.byRecords(c, List.of(blocked.get(1))));
        assertThat(byPerson).hasSize(2);
        assertEntry(byPerson.get(0), f.supervisor(), "AZ 32-3/2026", blocked);
        assertEntry(byPerson.get(1), f.clerk(), "AZ 32-1/2026", blocked);

        List<AccessLog.Entry> byClerk = w.read(c -> AccessLog.byUser(c, f.clerk().user()));
        assertThat(byClerk).hasSize(2);
        assertEntry(byClerk.get(0), f.clerk(), "AZ 32-2/2026", TestWorkspaces.members(w, other));
        assertEntry(byClerk.get(1), f.clerk(), "AZ 32-1/2026", blocked);
        assertThat(byClerk.get(1).detail()).isEqualTo("cluster " + cluster);
        List<AccessLog.Entry> byOther = w.read(c -> AccessLog.byUser(c, f.supervisor2().user()));
        assertThat(byOther).isEmpty();
        List<AccessLog.Entry> all = w.read(AccessLog::all);
        assertThat(all).hasSize((int) before + 3);
    }

    private static void assertEntry(AccessLog.Entry e, Session user, String caseRef, List<Long> records) {
        assertThat(e.user()).isEqualTo(user.user());
        assertThat(e.action()).isEqualTo("SHOW");
        assertThat(e.caseRef()).isEqualTo(caseRef);
        assertThat(e.recordIds()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(java.time.Instant.parse(e.at())).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void theAccessLogIsAppendOnly() {
        review.show(f.clerk(), cluster, "AZ-1");
        assertThatThrownBy(() -> w.write(c -> c.createStatement().executeUpdate("UPDATE access_log SET user_name = "
                + "'niemand'"))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("the access log is append-only");
        assertThatThrownBy(() -> w.write(c -> c.createStatement().executeUpdate("DELETE FROM access_log")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("the access log is append-only");
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM access_log WHERE user_name = ?", f.clerk().user()))
                .isEqualTo(1);
    }
}
