package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.workspace.GovernanceConfig;
import de.grw.workspace.TestWorkspaces;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Survivorship under the person-de governance: per-field rule chains propose the golden values, the address comes
 * from one record, a clerk's choices override, and every value's origin is recorded when the merge is approved.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SurvivorshipTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final MatchProfile PROFILE = ProfileLoader.load("person-de");
    private static final GovernanceConfig GOVERNANCE = GovernanceConfig.builtIn("person-de");
    private static final Survivorship SURVIVORSHIP = new Survivorship(PROFILE, GOVERNANCE.survivorship());
    private static final List<String> ADDRESS = List.of("street", "house_number", "address_extra", "postal_code",
            "city");

    @TempDir
    Path dir;

    private static MemberRecord member(long id, String source, String importedAt, String... fieldValues) {
        List<String> values = new ArrayList<>(Collections.nCopies(PROFILE.fields().size(), null));
        for (int i = 0; i < fieldValues.length; i += 2) {
            int index = PROFILE.fieldIndex(fieldValues[i]);
            assertThat(index).as(fieldValues[i]).isNotNegative();
            values.set(index, fieldValues[i + 1]);
        }
        return new MemberRecord(id, source, "K" + id, importedAt, values, List.of(), List.of(), false, false);
    }

    private static Map<String, GoldenValue> golden(Map<String, FieldChoice> choices, MemberRecord... members) {
        return SURVIVORSHIP.golden(List.of(members), choices);
    }

    private static void assertFrom(GoldenValue v, String value, long origin) {
        assertThat(v.value()).as(v.field()).isEqualTo(value);
        assertThat(v.manual()).as(v.field()).isFalse();
        assertThat(v.originRecord()).as(v.field()).isEqualTo(origin);
    }

    @Test
    void theProfileConfiguresTheRulesTested() {
        var rules = GOVERNANCE.survivorship();
        assertThat(rules.fields()).containsEntry("family_name", List.of("source_priority", "most_frequent"))
                .containsEntry("given_names", List.of("most_complete", "source_priority"))
                .containsEntry("address", List.of("source_priority", "most_recent"))
                .containsEntry("tax_id", List.of("most_frequent", "source_priority"));
        assertThat(rules.defaultRules()).containsExactly("most_frequent", "most_complete", "source_priority");
        assertThat(rules.groups()).containsEntry("address", ADDRESS);
        assertThat(rules.recentBy()).isEqualTo("imported_at");
        assertThat(rules.sourcePriority()).startsWith("melderegister");
    }

    @Test
    void sourcePriorityBeatsFrequencyForTheFamilyName() {
        Map<String, GoldenValue> g = golden(Map.of(),
                member(1, "sozialamt", "2026-01-01T00:00:00Z", "family_name", "Meier"),
                member(2, "kfz_halter", "2026-01-01T00:00:00Z", "family_name", "Meier"),
                member(3, "melderegister", "2026-01-01T00:00:00Z", "family_name", "Mayer"));
        assertFrom(g.get("family_name"), "Mayer", 3);
    }

    @Test
    void mostCompleteWinsForGivenNames() {
        Map<String, GoldenValue> g = golden(Map.of(),
                member(1, "melderegister", "2026-01-01T00:00:00Z", "given_names", "Anna"),
                member(2, "sozialamt", "2026-01-01T00:00:00Z", "given_names", "Anna Maria"));
        assertFrom(g.get("given_names"), "Anna Maria", 2);
    }

    @Test
    void mostFrequentWinsForTheTaxIdComparingNormalisedValues() {
        Map<String, GoldenValue> g = golden(Map.of(),
                member(1, "melderegister", "2026-01-01T00:00:00Z", "tax_id", "11111111111", "birth_date",
                        "1980-01-01"),
                member(2, "kfz_halter", "2026-01-01T00:00:00Z", "tax_id", "22222222222", "birth_date",
                        "1981-01-01"),
                member(3, "sozialamt", "2026-01-01T00:00:00Z", "tax_id", "222 222 222 22", "birth_date",
                        "1981-01-01"));
        // sozialamt ranks above kfz_halter, so its spelling of the most frequent value wins the tie
        assertFrom(g.get("tax_id"), "222 222 222 22", 3);
        // the default chain: most_frequent, then most_complete (equal here), then source_priority
        assertFrom(g.get("birth_date"), "1981-01-01", 3);
    }

    @Test
    void theMostRecentAddressComesWholeFromOneRecord() {
        // two imports of the same register: source priority ties, the more recent import wins
        MemberRecord old = member(1, "melderegister", "2025-06-30T08:00:00Z", "street", "Alte Gasse",
                "house_number", "3", "address_extra", "c/o Schmidt", "postal_code", "10115", "city", "Berlin");
        MemberRecord recent = member(2, "melderegister", "2026-02-01T08:00:00Z", "street", "Neue Straße",
                "house_number", "12a", "city", "Potsdam");
        Map<String, GoldenValue> g = golden(Map.of(), old, recent);
        assertFrom(g.get("street"), "Neue Straße", 2);
        assertFrom(g.get("house_number"), "12a", 2);
        assertFrom(g.get("city"), "Potsdam", 2);
        // no mixing: the older record's postal code and extra line do not fill the gaps
        assertFrom(g.get("postal_code"), null, 2);
        assertFrom(g.get("address_extra"), null, 2);
    }

    @Test
    void theRegistrationOfficesAddressWinsOverAMoreRecentVehicleRegister() {
        MemberRecord melde = member(1, "melderegister", "2025-06-30T08:00:00Z", "street", "Lindenweg",
                "house_number", "4", "postal_code", "10115", "city", "Berlin");
        MemberRecord kfz = member(2, "kfz_halter", "2026-02-01T08:00:00Z", "street", "POSTSTRASSE",
                "house_number", "9", "postal_code", "22040", "city", "HAMBURG");
        Map<String, GoldenValue> g = golden(Map.of(), melde, kfz);
        assertFrom(g.get("street"), "Lindenweg", 1);
        assertFrom(g.get("city"), "Berlin", 1);
    }

    @Test
    void mostRecentTellsImportsAMillisecondApart() {
        MemberRecord earlier = member(1, "melderegister", "2026-03-01T10:00:00.001Z", "street", "Alte Gasse",
                "city", "Berlin");
        MemberRecord later = member(2, "melderegister", "2026-03-01T10:00:00.002Z", "street", "Neue Straße",
                "city", "Potsdam");
        assertFrom(golden(Map.of(), earlier, later).get("street"), "Neue Straße", 2);
        assertFrom(golden(Map.of(), later, earlier).get("street"), "Neue Straße", 2);
    }

    @Test
    void mostRecentByADateField() {
        GovernanceConfig.SurvivorshipRules byBirth = new GovernanceConfig.SurvivorshipRules(List.of("most_recent"),
                List.of(), "birth_date", Map.of(), Map.of());
        Survivorship s = new Survivorship(PROFILE, byBirth);
        Map<String, GoldenValue> g = s.golden(List.of(
                member(1, "a", "2026-01-01T00:00:00Z", "given_names", "Jan", "birth_date", "1990-12-31"),
                member(2, "b", "2025-01-01T00:00:00Z", "given_names", "Jana", "birth_date", "1991-01-01")), Map.of());
        assertFrom(g.get("given_names"), "Jana", 2);
    }

    @Test
    void choicesOverrideTheProposal() {
        MemberRecord a = member(1, "melderegister", "2025-01-01T00:00:00Z", "family_name", "Mayer", "street",
                "Alte Gasse", "house_number", "3", "postal_code", "10115", "city", "Berlin");
        MemberRecord b = member(2, "sozialamt", "2026-01-01T00:00:00Z", "family_name", "Meyer", "street",
                "Neue Straße", "house_number", "12", "postal_code", "14467", "city", "Potsdam");
        Map<String, FieldChoice> choices = new HashMap<>();
        choices.put("family_name", new FieldChoice.FromRecord(2));
        choices.put("address", new FieldChoice.FromRecord(1));
        choices.put("given_names", new FieldChoice.Manual("Hans-Peter"));
        choices.put("academic_title", new FieldChoice.Manual(null));
        Map<String, GoldenValue> g = golden(choices, a, b);
        assertFrom(g.get("family_name"), "Meyer", 2);
        for (String f : ADDRESS) {
            assertThat(g.get(f).originRecord()).as(f).isEqualTo(1);
        }
        assertThat(g.get("street").value()).isEqualTo("Alte Gasse");
        assertThat(g.get("given_names")).isEqualTo(new GoldenValue("given_names", "Hans-Peter", true, 0));
        assertThat(g.get("academic_title")).isEqualTo(new GoldenValue("academic_title", null, true, 0));
        // choosing one field of the address takes the whole address from that record
        Map<String, GoldenValue> g2 = golden(Map.of("postal_code", new FieldChoice.FromRecord(1)), a, b);
        assertFrom(g2.get("city"), "Berlin", 1);
        // fields no member has stay empty and have no origin
        assertFrom(g.get("email"), null, 0);
        // the record id is no golden field
        assertThat(g).doesNotContainKey("record_id");

        assertThatThrownBy(() -> golden(Map.of("family_name", new FieldChoice.FromRecord(99)), a, b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a member");
    }

    @Test
    void anUnknownRuleIsNamed() {
        Survivorship s = new Survivorship(PROFILE, new GovernanceConfig.SurvivorshipRules(List.of("newest",
                "oldest"), null, null, null, null));
        assertThatThrownBy(() -> s.golden(List.of(member(1, "a", "2026-01-01T00:00:00Z", "city", "Kiel"),
                member(2, "b", "2026-01-01T00:00:00Z", "city", "Kiel")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'newest'");
    }

    @Test
    void approvalRecordsEachValuesOrigin() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            long cluster = review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == 2).findFirst()
                    .map(QueueEntry::clusterId).orElseThrow();
            List<Long> members = TestWorkspaces.members(w, cluster);
            long second = members.get(1);
            Map<String, FieldChoice> choices = Map.of("family_name", new FieldChoice.Manual("Müller-Lüdenscheidt"),
                    "address", new FieldChoice.FromRecord(second));
            DecisionView d = review.propose(f.clerk(), cluster, new MergeCommand(members, choices), "gleiche Person",
                    "AZ-11");
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_values")).isZero();
            review.approve(f.supervisor(), d.id(), "geprüft");

            Map<Long, List<String>> values = new HashMap<>();
            for (List<Object> r : TestWorkspaces.rows(w, "SELECT id, values_json FROM records WHERE id IN (?, ?)",
                    members.get(0), second)) {
                values.put(((Number) r.get(0)).longValue(), Arrays.asList(new com.fasterxml.jackson.databind
                        .ObjectMapper().readValue((String) r.get(1), String[].class)));
            }
            List<List<Object>> rows = TestWorkspaces.rows(w, "SELECT field, value, origin, origin_record, decision_id "
                    + "FROM golden_values WHERE superseded_by IS NULL");
            assertThat(rows).hasSize(PROFILE.fields().size() - 1);
            for (List<Object> r : rows) {
                String field = (String) r.get(0);
                assertThat(((Number) r.get(4)).longValue()).isEqualTo(d.id());
                if (field.equals("family_name")) {
                    assertThat(r).containsExactly("family_name", "Müller-Lüdenscheidt", "MANUAL", null, r.get(4));
                    continue;
                }
                if (r.get(3) == null) {
                    assertThat(r.get(1)).as(field).isNull();
                    continue;
                }
                long origin = ((Number) r.get(3)).longValue();
                assertThat(r.get(2)).isEqualTo("RECORD");
                assertThat(members).contains(origin);
                String raw = values.get(origin).get(PROFILE.fieldIndex(field));
                if (field.equals("sex")) {
                    // in the golden record's one style: the profile's code
                    assertThat(r.get(1)).as(field).isEqualTo(de.grw.normalising.Normalisers.get("sex").normalise(raw));
                } else {
                    // the origin's value, possibly written in the field's style (not in capitals)
                    assertThat(((String) r.get(1))).as(field).isEqualToIgnoringCase(raw);
                }
                if (ADDRESS.contains(field)) {
                    assertThat(origin).as(field).isEqualTo(second);
                }
            }
            String goldenId = (String) TestWorkspaces.rows(w, "SELECT id FROM golden_records").get(0).get(0);
            GoldenView view = review.golden(f.supervisor(), goldenId, "AZ-11");
            assertThat(view.values()).filteredOn(v -> v.field().equals("family_name")).singleElement()
                    .isEqualTo(new GoldenValue("family_name", "Müller-Lüdenscheidt", true, 0));
            assertThat(view.values()).filteredOn(v -> v.field().equals("city")).singleElement()
                    .extracting(GoldenValue::originRecord).isEqualTo(second);
        }
    }
}
