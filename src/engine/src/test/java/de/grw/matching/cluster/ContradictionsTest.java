package de.grw.matching.cluster;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.person;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.matching.data.PreparedRecords;
import de.grw.matching.TestRecords;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.profile.ContradictionSpec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContradictionsTest {

    @ParameterizedTest
    @CsvSource({
        "19500312, 19500312, false",
        "19500312, 19500000, false",
        "19500312, 19500300, false",
        "19500312, 19501203, false",
        "19500312, 19500313, false",
        "19500312, 19510312, false",
        "19500312, 19600312, false",
        "19500312, 19600313, false",
        "19500312, 19610313, true",
        "19500312, 19880701, true",
        "19500312, 19510000, true",
        "19500312, 1950, false"})
    void datesContradictUnlessCompatibleSwappedOrCloseInEdits(String a, String b, boolean expected) {
        assertThat(Contradictions.datesContradict(a, b, 3)).isEqualTo(expected);
        assertThat(Contradictions.datesContradict(b, a, 3)).isEqualTo(expected);
    }

    @Test
    void thePersonProfilesRules() {
        PreparedRecords r = person(
                row("tax_id", "12345678901", "birth_date", "1950-03-12"),
                row("tax_id", "12 345 678 910", "birth_date", "1950-12-03"),
                row("tax_id", "98765432109", "birth_date", "1950-03-12"),
                row("birth_date", "1988-07-01"),
                row("social_security_id", "65170839J003"),
                row("social_security_id", "12010150M999"),
                row());
        PairConstraint c = Contradictions.bind(PERSON.contradictions(), r);
        assertThat(c.cannotLink(0, 1)).as("one transposition in the tax id, day and month swapped").isFalse();
        assertThat(c.cannotLink(0, 2)).as("different tax ids").isTrue();
        assertThat(c.cannotLink(0, 3)).as("clearly different birth dates").isTrue();
        assertThat(c.cannotLink(4, 5)).as("different social security numbers").isTrue();
        assertThat(c.cannotLink(0, 6)).as("nothing to contradict").isFalse();
        assertThat(c.cannotLink(4, 0)).isFalse();
    }

    @Test
    void identifierDiffersNeedsMinEdits() {
        PreparedRecords r = person(row("tax_id", "12345678901"), row("tax_id", "12345678999"),
                row("tax_id", "12345699999"));
        List<ContradictionSpec> rule = List.of(new ContradictionSpec("tax_id", "identifier_differs",
                Map.of("minEdits", 3)));
        PairConstraint c = Contradictions.bind(rule, r);
        assertThat(c.cannotLink(0, 1)).isFalse();
        assertThat(c.cannotLink(0, 2)).isTrue();
        PairConstraint strict = Contradictions.bind(List.of(new ContradictionSpec("tax_id", "identifier_differs",
                null)), r);
        assertThat(strict.cannotLink(0, 1)).as("default minEdits 1").isTrue();
    }

    @Test
    void differsAndNoRules() {
        PreparedRecords r = person(row("sex", "m"), row("sex", "männlich"), row("sex", "w"));
        PairConstraint c = Contradictions.bind(List.of(new ContradictionSpec("sex", "differs", Map.of())), r);
        assertThat(c.cannotLink(0, 1)).isFalse();
        assertThat(c.cannotLink(0, 2)).isTrue();
        assertThat(Contradictions.bind(List.of(), r)).isSameAs(PairConstraint.NONE);
    }

    @Test
    void steuerIdCheckDigit() {
        assertThat(SteuerId.valid("86095742719")).isTrue();
        assertThat(SteuerId.valid("47036892816")).isTrue();
        assertThat(SteuerId.valid("86095742718")).as("wrong check digit").isFalse();
        assertThat(SteuerId.valid("06095742719")).as("leading zero").isFalse();
        assertThat(SteuerId.valid("8609574271")).isFalse();
        assertThat(SteuerId.valid(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "19500312, 19880701, true",
        "19500312, 19650312, true",
        "19500312, 19640101, false",
        "19860312, 19680312, false",
        "19510312, 19810312, false",
        "19500312, 00000312, false",
        "19500312, 1950, false"})
    void birthYearsAGenerationApartThatAreNoTypoOfEachOther(String a, String b, boolean expected) {
        assertThat(Contradictions.yearsApart(a, b, 15)).isEqualTo(expected);
        assertThat(Contradictions.yearsApart(b, a, 15)).isEqualTo(expected);
    }

    @Test
    void directRulesForbidTheLinkItselfUnlessOtherEvidenceSaysOtherwise() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        PreparedRecords r = TestRecords.prepare(profile, List.of(
                row("family_name", "Vogler", "given_names", "Lena", "sex", "w", "tax_id", "86095742719",
                        "birth_date", "2003-04-19"),
                row("family_name", "Vogler", "given_names", "Leon", "sex", "m", "birth_date", "2003-04-19"),
                row("family_name", "Vogler", "given_names", "Lena", "sex", "m", "tax_id", "86095742719",
                        "birth_date", "2003-04-19"),
                row("family_name", "Vogler", "given_names", "Lena", "sex", "w", "tax_id", "47036892816",
                        "birth_date", "2003-04-19"),
                row("family_name", "Vogler", "given_names", "Lena", "sex", "w", "birth_date", "1971-08-02"),
                row("family_name", "Vogler", "given_names", "Lena", "sex", "w", "birth_date", "1971-04-19"),
                row("family_name", "Vogler", "given_names", "Lena", "sex", "w", "tax_id", "12345678901",
                        "birth_date", "2003-04-19")));
        Contradictions.Bound bound = Contradictions.bind(profile.contradictions(), r,
                CompiledComparisons.compile(profile, r));
        assertThat(bound.directReason(0, 1)).as("opposite sex").isEqualTo("sex_differs");
        assertThat(bound.forbidsDirectLink(0, 2)).as("opposite sex, but the same tax id").isFalse();
        assertThat(bound.directReason(0, 3)).as("two valid tax ids").isEqualTo("tax_id_identifier_differs");
        assertThat(bound.directReason(0, 4)).as("a generation apart").isEqualTo("birth_date_years_apart");
        assertThat(bound.forbidsDirectLink(0, 5)).as("day and month agree: one wrong year").isFalse();
        assertThat(bound.forbidsDirectLink(0, 6)).as("12345678901 has no valid check digit").isFalse();
        assertThat(bound.chain().cannotLink(0, 6)).as("but it still stops chains").isTrue();
    }

    @Test
    void anUnknownRuleIsNamed() {
        PreparedRecords r = person(row());
        assertThatThrownBy(() -> Contradictions.bind(List.of(new ContradictionSpec("sex", "clashes", Map.of())), r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown contradiction rule 'clashes'");
    }

    @Test
    void constraintsCombineWithOr() {
        PairConstraint first = (a, b) -> a == 0;
        PairConstraint second = (a, b) -> b == 0;
        PairConstraint both = first.or(second);
        assertThat(both.cannotLink(0, 1)).isTrue();
        assertThat(both.cannotLink(1, 0)).isTrue();
        assertThat(both.cannotLink(1, 2)).isFalse();
        assertThat(PairConstraint.NONE.cannotLink(0, 1)).isFalse();
    }

    /**
     * The date rules compare the parts in place: the same answers as with a String per part (as they were written
     * first, kept here as the reference) over many dates with unknown (00) parts, swaps, typos and other years.
     */
    @Test
    void dateRulesAnswerAsWithTheirPartsAsStrings() {
        java.util.Random random = new java.util.Random(5);
        int contradicting = 0;
        int apart = 0;
        for (int i = 0; i < 200_000; i++) {
            String a = randomDate(random);
            String b = random.nextInt(4) == 0 ? randomDate(random) : variant(a, random);
            boolean dates = referenceDatesContradict(a, b, 3);
            boolean years = referenceYearsApart(a, b, 15);
            assertThat(Contradictions.datesContradict(a, b, 3)).as("%s %s", a, b).isEqualTo(dates);
            assertThat(Contradictions.yearsApart(a, b, 15)).as("%s %s", a, b).isEqualTo(years);
            contradicting += dates ? 1 : 0;
            apart += years ? 1 : 0;
        }
        assertThat(contradicting).isBetween(10_000, 190_000);
        assertThat(apart).isBetween(1_000, 190_000);
    }

    private static String randomDate(java.util.Random random) {
        int year = random.nextInt(8) == 0 ? 0 : 1900 + random.nextInt(125);
        int month = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(12);
        int day = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(28);
        String d = String.format("%04d%02d%02d", year, month, day);
        return random.nextInt(50) == 0 ? d.substring(0, 4 + random.nextInt(4)) : d;
    }

    /** The date with one of the mistakes registers make: a digit, a swap of day and month, unknown parts. */
    private static String variant(String a, java.util.Random random) {
        if (a.length() != 8) {
            return a;
        }
        char[] c = a.toCharArray();
        switch (random.nextInt(5)) {
            case 0 -> c[random.nextInt(8)] = (char) ('0' + random.nextInt(10));
            case 1 -> {
                char m0 = c[4];
                char m1 = c[5];
                c[4] = c[6];
                c[5] = c[7];
                c[6] = m0;
                c[7] = m1;
            }
            case 2 -> {
                c[4 + 2 * random.nextInt(2)] = '0';
                c[5 + 2 * random.nextInt(2)] = '0';
            }
            case 3 -> {
                int k = random.nextInt(7);
                char t = c[k];
                c[k] = c[k + 1];
                c[k + 1] = t;
            }
            default -> {
                return a;
            }
        }
        return new String(c);
    }

    private static boolean referenceDatesContradict(String a, String b, int minEdits) {
        if (a.length() != 8 || b.length() != 8) {
            return false;
        }
        String ya = a.substring(0, 4);
        String yb = b.substring(0, 4);
        String ma = a.substring(4, 6);
        String mb = b.substring(4, 6);
        String da = a.substring(6, 8);
        String db = b.substring(6, 8);
        if (ya.equals(yb)) {
            boolean monthOk = ma.equals("00") || mb.equals("00") || ma.equals(mb);
            boolean dayOk = da.equals("00") || db.equals("00") || da.equals(db);
            if (monthOk && dayOk) {
                return false;
            }
            if (ma.equals(db) && da.equals(mb)) {
                return false;
            }
        }
        return de.grw.matching.compare.StringSimilarity.damerau(a, b, minEdits) >= minEdits;
    }

    private static boolean referenceYearsApart(String a, String b, int minYears) {
        if (a.length() != 8 || b.length() != 8 || a.startsWith("0000") || b.startsWith("0000")) {
            return false;
        }
        String ya = a.substring(0, 4);
        String yb = b.substring(0, 4);
        return Math.abs(Integer.parseInt(ya) - Integer.parseInt(yb)) >= minYears
                && de.grw.matching.compare.StringSimilarity.damerau(ya, yb, 2) >= 2;
    }
}
