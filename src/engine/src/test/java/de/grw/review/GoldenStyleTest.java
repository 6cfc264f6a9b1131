package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden values in one style per field, whichever member's value survives. */
class GoldenStyleTest {
    private static final MatchProfile PROFILE = ProfileLoader.load("person-de");
    private static final Survivorship SURVIVORSHIP = new Survivorship(PROFILE,
            GovernanceConfig.builtIn("person-de").survivorship());

    private static MemberRecord member(long id, String source, String... fieldValues) {
        List<String> values = new ArrayList<>(Collections.nCopies(PROFILE.fields().size(), null));
        for (int i = 0; i < fieldValues.length; i += 2) {
            values.set(PROFILE.fieldIndex(fieldValues[i]), fieldValues[i + 1]);
        }
        return new MemberRecord(id, source, "K" + id, "2026-01-0" + id + "T00:00:00Z", values, List.of(), List.of(),
                false, false);
    }

    private static Map<String, GoldenValue> golden(MemberRecord... members) {
        return SURVIVORSHIP.golden(List.of(members), Map.of());
    }

    @Test
    void sexIsTheProfilesCodeWhateverTheSourceWrote() {
        for (String written : List.of("M", "männlich", "m", "MAENNLICH", "Herr")) {
            assertThat(golden(member(1, "melderegister", "sex", written), member(2, "sozialamt", "sex", written))
                    .get("sex").value()).as(written).isEqualTo("m");
        }
        assertThat(golden(member(1, "melderegister", "sex", "weiblich")).get("sex").value()).isEqualTo("w");
        // a code the normaliser does not know stays as written
        assertThat(golden(member(1, "melderegister", "sex", "unbekannt")).get("sex").value()).isEqualTo("unbekannt");
    }

    @Test
    void namesAndPlacesTakeAMembersMixedCaseSpelling() {
        // whichever record wins the chain, the capitals of one register give way to another's spelling
        MemberRecord upper = member(1, "kfz_halter", "family_name", "MÜLLER", "given_names", "HANS-PETER",
                "city", "KÖLN", "street", "HAUPTSTRASSE", "birth_place", "KÖLN");
        MemberRecord mixed = member(2, "sozialamt", "family_name", "Müller", "given_names", "Hans-Peter",
                "city", "Köln", "street", "Hauptstraße", "birth_place", "Köln");
        for (List<MemberRecord> order : List.of(List.of(upper, mixed), List.of(mixed, upper))) {
            Map<String, GoldenValue> g = SURVIVORSHIP.golden(order, Map.of());
            assertThat(g.get("family_name").value()).isEqualTo("Müller");
            // the origin stays the record the rules chose: its value, spelled as the other register spells it
            assertThat(g.get("family_name").originRecord()).isEqualTo(g.get("city").originRecord());
            assertThat(g.get("given_names").value()).isEqualTo("Hans-Peter");
            assertThat(g.get("city").value()).isEqualTo("Köln");
            assertThat(g.get("birth_place").value()).isEqualTo("Köln");
            assertThat(g.get("street").value()).isEqualTo("Hauptstraße");
        }
    }

    @Test
    void withoutAMixedCaseSpellingNamesAreTitleCasedAsGermanNamesAreWritten() {
        Map<String, GoldenValue> g = golden(member(1, "kfz_halter", "family_name", "VON DER HEYDE",
                "birth_name", "MÜLLER-LÜDENSCHEIDT", "given_names", "anna-lena", "city", "FRANKFURT AM MAIN",
                "street", "AM MARKT", "birth_place", "HALLE (SAALE)"));
        assertThat(g.get("family_name").value()).isEqualTo("von der Heyde");
        assertThat(g.get("family_name").originRecord()).isEqualTo(1);
        assertThat(g.get("birth_name").value()).isEqualTo("Müller-Lüdenscheidt");
        assertThat(g.get("given_names").value()).isEqualTo("Anna-Lena");
        assertThat(g.get("city").value()).isEqualTo("Frankfurt am Main");
        assertThat(g.get("street").value()).isEqualTo("Am Markt");
        assertThat(g.get("birth_place").value()).isEqualTo("Halle (Saale)");
        assertThat(GoldenStyle.titleCase("MÜLHEIM AN DER RUHR", false)).isEqualTo("Mülheim an der Ruhr");
        assertThat(GoldenStyle.titleCase("STRASSE DES 17. JUNI", false)).isEqualTo("Strasse des 17. Juni");
        assertThat(GoldenStyle.titleCase("O'NEILL", true)).isEqualTo("O'Neill");
        assertThat(GoldenStyle.titleCase("ZU GUTTENBERG", true)).isEqualTo("zu Guttenberg");
        assertThat(GoldenStyle.titleCase("LUDWIG II", false)).isEqualTo("Ludwig II");
    }

    @Test
    void wellWrittenValuesCodesAndHandTypedValuesStayAsTheyAre() {
        Map<String, GoldenValue> g = golden(member(1, "melderegister", "family_name", "McAllister",
                "academic_title", "Dr.", "postal_code", "50667", "email", "ANNA@EXAMPLE.DE", "nationality", "DEU",
                "city", "St. Ingbert"));
        assertThat(g.get("family_name").value()).isEqualTo("McAllister");
        assertThat(g.get("postal_code").value()).isEqualTo("50667");
        assertThat(g.get("email").value()).isEqualTo("ANNA@EXAMPLE.DE");
        assertThat(g.get("nationality").value()).isEqualTo("DEU");
        assertThat(g.get("city").value()).isEqualTo("St. Ingbert");
        Map<String, GoldenValue> typed = SURVIVORSHIP.golden(List.of(member(1, "melderegister", "family_name",
                "MÜLLER")), Map.of("family_name", new FieldChoice.Manual("MÜLLER")));
        assertThat(typed.get("family_name").value()).isEqualTo("MÜLLER");
        assertThat(typed.get("family_name").manual()).isTrue();
    }
}
