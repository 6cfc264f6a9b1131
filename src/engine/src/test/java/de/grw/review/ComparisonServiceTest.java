package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.PairView;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one comparison every front end shows: the three kinds of agreement by the field's own normaliser, masking
 * under a blocking notice, the golden value's origin, the clerk's choices and the records left out, and the
 * contribution of each field's comparison.
 */
class ComparisonServiceTest {
    private static final MatchProfile PROFILE = ProfileLoader.load("person-de");
    private static final GovernanceConfig GOVERNANCE = GovernanceConfig.builtIn("person-de");
    private static final ComparisonService SERVICE = new ComparisonService(PROFILE, GOVERNANCE);

    private static MemberRecord member(long id, String source, boolean masked, String... fieldValues) {
        List<String> values = new ArrayList<>(Collections.nCopies(PROFILE.fields().size(), null));
        for (int i = 0; i < fieldValues.length; i += 2) {
            values.set(PROFILE.fieldIndex(fieldValues[i]), fieldValues[i + 1]);
        }
        if (masked) {
            for (String f : GOVERNANCE.maskedFields()) {
                int index = PROFILE.fieldIndex(f);
                if (values.get(index) != null) {
                    values.set(index, RecordLoader.MASK);
                }
            }
        }
        return new MemberRecord(id, source, "K" + id, "2026-01-01T00:00:00Z", values, List.of(), List.of(), masked,
                masked);
    }

    private static ClusterView cluster(List<PairView> pairs, MemberRecord... members) {
        return new ClusterView(1, ClusterStatus.OPEN, "", List.of(members), pairs, Map.of(), List.of());
    }

    private static ComparisonTable.Row row(ComparisonTable table, String field) {
        return table.row(field).orElseThrow(() -> new AssertionError("no row " + field));
    }

    @Test
    void equalEqualAfterNormalisingAndDifferent() {
        ComparisonTable table = SERVICE.cluster(cluster(List.of(),
                member(1, "melderegister", false, "family_name", "Müller", "given_names", "Anna", "sex", "m",
                        "city", "Köln", "birth_date", "1971-04-03", "postal_code", "50667"),
                member(2, "sozialamt", false, "family_name", "MÜLLER", "given_names", "Anna", "sex", "männlich",
                        "city", "Koeln", "birth_date", "1971-03-04"),
                member(3, "kfz_halter", false, "family_name", "Mueller", "given_names", "Anna", "city", "KÖLN")),
                null, Map.of());

        assertThat(row(table, "given_names").equality()).isEqualTo(Equality.EQUAL);
        assertThat(row(table, "family_name").equality()).isEqualTo(Equality.EQUAL_AFTER_NORMALISING);
        assertThat(row(table, "sex").equality()).isEqualTo(Equality.EQUAL_AFTER_NORMALISING);
        assertThat(row(table, "city").equality()).isEqualTo(Equality.EQUAL_AFTER_NORMALISING);
        assertThat(row(table, "birth_date").equality()).isEqualTo(Equality.DIFFERENT);
        assertThat(row(table, "birth_date").differs()).isTrue();
        assertThat(row(table, "family_name").differs()).isFalse();
        // a value only one record has agrees with nothing missing
        assertThat(row(table, "postal_code").equality()).isEqualTo(Equality.EQUAL);
        // no record and no golden value: not a row, but named
        assertThat(table.row("tax_id")).isEmpty();
        assertThat(table.emptyFields()).contains("tax_id", "email").doesNotContain("record_id", "family_name");
        assertThat(table.rows()).extracting(ComparisonTable.Row::field).doesNotContain("record_id");
    }

    @Test
    void theRuleIsTheFieldsNormaliserNotTheDefaultLocalesLowerCase() {
        // lower-casing would call these equal or different where the normaliser knows better
        assertThat(SERVICE.equality("given_names", List.of("Anna-Lena", "Anna Lena")))
                .isEqualTo(Equality.EQUAL_AFTER_NORMALISING);
        assertThat(SERVICE.equality("birth_date", List.of("1971-04-03", "1971-04-03"))).isEqualTo(Equality.EQUAL);
        assertThat(SERVICE.equality("family_name", List.of("Meier", "Meyer"))).isEqualTo(Equality.DIFFERENT);
        assertThat(SERVICE.equality("family_name", Collections.nCopies(3, null))).isEqualTo(Equality.EQUAL);
    }

    @Test
    void theGoldenValueFollowsChoicesAndTheRecordsToMerge() {
        ClusterView view = cluster(List.of(),
                member(1, "sozialamt", false, "given_names", "Anna"),
                member(2, "melderegister", false, "given_names", "Anna Maria"),
                member(3, "kfz_halter", false, "given_names", "Anne"));
        ComparisonTable proposal = SERVICE.cluster(view, null, Map.of());
        // most complete wins the given names
        assertThat(row(proposal, "given_names").golden()).isEqualTo("Anna Maria");
        assertThat(row(proposal, "given_names").origin()).isEqualTo(1);

        ComparisonTable withoutTwo = SERVICE.cluster(view, List.of(1L, 3L), Map.of());
        assertThat(withoutTwo.members()).hasSize(3);
        assertThat(row(withoutTwo, "given_names").golden()).isIn("Anna", "Anne");
        assertThat(row(withoutTwo, "given_names").origin()).isNotEqualTo(1);

        ComparisonTable chosen = SERVICE.cluster(view, null, Map.of("given_names", new FieldChoice.FromRecord(3)));
        assertThat(row(chosen, "given_names").golden()).isEqualTo("Anne");
        assertThat(row(chosen, "given_names").origin()).isEqualTo(2);

        ComparisonTable typed = SERVICE.cluster(view, null, Map.of("given_names", new FieldChoice.Manual("Ana")));
        assertThat(row(typed, "given_names").golden()).isEqualTo("Ana");
        assertThat(row(typed, "given_names").manual()).isTrue();
        assertThat(row(typed, "given_names").origin()).isEqualTo(-1);
    }

    @Test
    void underABlockingNoticeMaskedFieldsStayMaskedAndTellNothing() {
        ComparisonTable table = SERVICE.cluster(cluster(List.of(),
                member(1, "melderegister", true, "family_name", "Berghorst", "given_names", "Ines",
                        "birth_date", "1979-11-12", "city", "Lindenfels", "nationality", "deutsch"),
                member(2, "sozialamt", true, "family_name", "Berghorst-Kahl", "given_names", "Ines",
                        "birth_date", "1979-11-21", "city", "Lindenfels", "nationality", "polnisch")), null,
                Map.of());

        assertThat(table.masked()).isTrue();
        ComparisonTable.Row name = row(table, "family_name");
        assertThat(name.masked()).isTrue();
        assertThat(name.values()).containsOnly(RecordLoader.MASK);
        assertThat(name.golden()).isEqualTo(RecordLoader.MASK);
        // neither whether the names differ nor which record the golden name comes from
        assertThat(name.equality()).isEqualTo(Equality.EQUAL);
        assertThat(name.origin()).isEqualTo(-1);
        assertThat(table.rows()).noneSatisfy(r -> {
            assertThat(r.values()).contains("Berghorst");
        });
        // issue 14: the birth date identifies the person and is masked by default too
        ComparisonTable.Row born = row(table, "birth_date");
        assertThat(born.masked()).isTrue();
        assertThat(born.values()).containsOnly(RecordLoader.MASK);
        // fields that are not masked are compared as usual
        ComparisonTable.Row nationality = row(table, "nationality");
        assertThat(nationality.masked()).isFalse();
        assertThat(nationality.equality()).isEqualTo(Equality.DIFFERENT);
        assertThat(nationality.origin()).isNotNegative();
        // a value the clerk typed is the clerk's own and shown
        ComparisonTable typed = SERVICE.cluster(cluster(List.of(), member(1, "melderegister", true, "family_name",
                "Berghorst"), member(2, "sozialamt", true, "family_name", "Berghorst")), null,
                Map.of("family_name", new FieldChoice.Manual("Berghorst")));
        assertThat(row(typed, "family_name").golden()).isEqualTo("Berghorst");
    }

    @Test
    void anApprovalShowsTheMergedRecordsWithTheClerksChoices() {
        ClusterView view = cluster(List.of(new PairView(1, 2, 0.99, 12, "{\"prior\":-9,\"comparisons\":["
                        + "{\"comparison\":\"given_names\",\"level\":\"exact\",\"weight\":6.5,\"tf\":false}]}"),
                        new PairView(2, 3, 0.7, 1, "{\"prior\":-9,\"comparisons\":["
                        + "{\"comparison\":\"given_names\",\"level\":\"phonetic\",\"weight\":2.0,\"tf\":false}]}")),
                member(1, "sozialamt", false, "given_names", "Anna", "sex", "w"),
                member(2, "melderegister", false, "given_names", "Anna", "sex", "weiblich"),
                member(3, "kfz_halter", false, "given_names", "Anne"));
        ComparisonTable approval = SERVICE.merge(view, new MergeCommand(List.of(1L, 2L), Map.of("sex",
                new FieldChoice.FromRecord(2))));
        assertThat(approval.members()).extracting(MemberRecord::id).containsExactly(1L, 2L);
        assertThat(row(approval, "given_names").equality()).isEqualTo(Equality.EQUAL);
        assertThat(row(approval, "sex").equality()).isEqualTo(Equality.EQUAL_AFTER_NORMALISING);
        // the chosen record's value, written as the profile's code (GoldenStyle)
        assertThat(row(approval, "sex").golden()).isEqualTo("w");
        assertThat(row(approval, "sex").origin()).isEqualTo(1);
        // the contribution comes from the strongest pair among the merged records
        assertThat(row(approval, "given_names").level()).isEqualTo("exact");
        assertThat(row(approval, "given_names").weight()).isEqualTo(6.5);
        assertThat(row(approval, "sex").weight()).isNull();

        // the review of the same cluster agrees with the approval on every row they share
        ComparisonTable review = SERVICE.cluster(view, List.of(1L, 2L), Map.of("sex", new FieldChoice.FromRecord(2)));
        for (ComparisonTable.Row r : approval.rows()) {
            assertThat(row(review, r.field()).golden()).as(r.field()).isEqualTo(r.golden());
        }
        // but it shows all three records: Anne is another name
        assertThat(row(review, "given_names").equality()).isEqualTo(Equality.DIFFERENT);
    }

    @Test
    void aGoldenRecordShowsItsStoredValuesAndTheirOrigin() {
        MemberRecord a = member(4, "melderegister", false, "family_name", "Yilmaz", "city", "Köln");
        MemberRecord b = member(9, "sozialamt", false, "family_name", "Yılmaz", "city", "Koeln");
        ComparisonTable table = SERVICE.golden(new GoldenView("G-000001", "ACTIVE", null, List.of(a, b),
                List.of(new GoldenValue("family_name", "Yilmaz", false, 4), new GoldenValue("city", "Köln am Rhein",
                        true, 0)), false));
        assertThat(row(table, "family_name").golden()).isEqualTo("Yilmaz");
        assertThat(row(table, "family_name").origin()).isEqualTo(0);
        assertThat(row(table, "city").manual()).isTrue();
        assertThat(row(table, "city").equality()).isEqualTo(Equality.EQUAL_AFTER_NORMALISING);
    }
}
