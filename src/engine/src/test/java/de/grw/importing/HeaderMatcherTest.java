package de.grw.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderMatcherTest {
    private static MatchProfile profile;

    @BeforeAll
    static void loadProfile() {
        profile = ProfileLoader.defaultProfile();
    }

    private static ColumnTarget single(String header) {
        return HeaderMatcher.suggest(List.of(header), profile).targets().get(0);
    }

    private static ColumnTarget.Field field(String name) {
        return new ColumnTarget.Field(name);
    }

    @Test
    void keyIgnoresCaseUmlautSpellingBlanksAndPunctuation() {
        assertThat(HeaderMatcher.key("Geb.-Datum")).isEqualTo("gebdatum");
        assertThat(HeaderMatcher.key("geb_datum")).isEqualTo("gebdatum");
        assertThat(HeaderMatcher.key("Staatsangehörigkeit")).isEqualTo("staatsangehoerigkeit");
        assertThat(HeaderMatcher.key(" Straße ")).isEqualTo("strasse");
        assertThat(HeaderMatcher.key(null)).isEmpty();
        assertThat(HeaderMatcher.key("--")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Familienname|family_name",
        "NACHNAME|family_name",
        "Nachname|family_name",
        "surname|family_name",
        "Last Name|family_name",
        "last-name|family_name",
        "Geburtsname|birth_name",
        "Mädchenname|birth_name",
        "Vorname|given_names",
        "VORNAMEN|given_names",
        "first_name|given_names",
        "Given Names|given_names",
        "Geb.-Datum|birth_date",
        "GEBURTSDATUM|birth_date",
        "Geburtsdatum|birth_date",
        "date_of_birth|birth_date",
        "Date of Birth|birth_date",
        "DOB|birth_date",
        "Geburtsort|birth_place",
        "PLZ|postal_code",
        "Postleitzahl|postal_code",
        "postcode|postal_code",
        "ZIP code|postal_code",
        "Ort|city",
        "Wohnort|city",
        "Straße|street",
        "STRASSE|street",
        "Str.|street",
        "Hausnummer|house_number",
        "Haus-Nr.|house_number",
        "Geschlecht|sex",
        "Staatsangehörigkeit|nationality",
        "Staatsangehoerigkeit|nationality",
        "Steuer-ID|tax_id",
        "Steuer-IdNr|tax_id",
        "SV-Nummer|social_security_id",
        "E-Mail|email",
        "Telefon|phone",
        "Auskunftssperre|blocking_notice",
        "Doktorgrad|academic_title",
        "Adresszusatz|address_extra",
        "Satznummer|record_id",
        "rec_id|record_id"})
    void germanAndEnglishHeadersMapToFields(String header, String fieldName) {
        assertThat(single(header)).isEqualTo(field(fieldName));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Geburtsjahr|year",
        "Geb.-Jahr|year",
        "birth_year|year",
        "Geburtsmonat|month",
        "Geb-Tag|day",
        "dob_day|day"})
    void datePartColumns(String header, String part) {
        assertThat(single(header)).isEqualTo(new ColumnTarget.DatePart("birth_date", part));
    }

    @Test
    void unknownColumnsAreKeptAsExtras() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Nachname", "Bemerkung", "Lieblingsfarbe"), profile);
        assertThat(m.targets()).containsExactly(field("family_name"), new ColumnTarget.Extra(),
                new ColumnTarget.Extra());
        assertThat(m.reasons().get(1)).isEqualTo("(no matching field)");
        assertThat(m.extraColumns()).containsExactly(1, 2);
        assertThat(m.columns()).containsExactly("Nachname", "Bemerkung", "Lieblingsfarbe");
    }

    @Test
    void groundTruthColumnsAreNotMapped() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("rec_id", "identity", "cluster", "given_name", "surname"),
                profile);
        assertThat(m.targets()).containsExactly(field("record_id"), new ColumnTarget.Extra(),
                new ColumnTarget.Extra(), field("given_names"), field("family_name"));
    }

    @Test
    void numberedColumnGroupsAreAllKept() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("fname_c1", "fname_c2", "lname_c1", "Vorname 3"), profile);
        assertThat(m.targets()).containsExactly(field("given_names"), field("given_names"), field("family_name"),
                field("given_names"));
        assertThat(m.reasons().get(1)).isEqualTo("(part 2 of a numbered column group)");
        assertThat(m.reasons().get(3)).isEqualTo("(part 3 of a numbered column group)");
    }

    @Test
    void aDirectColumnAndANumberedColumnOfOneFieldAreJoined() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Vorname", "Vorname2"), profile);
        assertThat(m.targets()).containsExactly(field("given_names"), field("given_names"));
    }

    @Test
    void duplicateHeadersForOneFieldKeepTheFirst() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Nachname", "Familienname", "Geburtsjahr", "by"), profile);
        assertThat(m.targets()).containsExactly(field("family_name"), new ColumnTarget.Extra(),
                new ColumnTarget.DatePart("birth_date", "year"), new ColumnTarget.Extra());
        assertThat(m.reasons().get(1)).isEqualTo("(also looks like family_name; column \"Nachname\" is used)");
    }

    @Test
    void dottedNamesOfFlattenedJsonMapByTheirLastPart() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("id", "name.Familienname", "name.Vorname", "vornamen.1",
                "vornamen.2", "adressen.1.strasse", "adressen.2.strasse", "adresse.plz", "x.y"), profile);
        assertThat(m.targets()).containsExactly(field("record_id"), field("family_name"), field("given_names"),
                field("given_names"), field("given_names"), field("street"), new ColumnTarget.Extra(),
                field("postal_code"), new ColumnTarget.Extra());
        assertThat(m.reasons().get(1)).isEqualTo("(nested key 'familienname')");
        assertThat(m.reasons().get(6)).isEqualTo("(also looks like street; column \"adressen.1.strasse\" is used)");
    }

    @Test
    void nameAloneIsACombinedColumn() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Name", "Geburtsdatum"), profile);
        assertThat(m.targets()).containsExactly(new ColumnTarget.Composite("full_name"), field("birth_date"));
    }

    @Test
    void nameBesideVornameIsTheFamilyName() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Name", "Vorname"), profile);
        assertThat(m.targets()).containsExactly(field("family_name"), field("given_names"));
        assertThat(m.reasons().get(0)).isEqualTo("(combined header beside separate columns: holds family_name)");
    }

    @Test
    void nameBesideBothNameColumnsIsNotUsed() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Name", "Nachname", "Vorname"), profile);
        assertThat(m.targets()).containsExactly(new ColumnTarget.Extra(), field("family_name"),
                field("given_names"));
        assertThat(m.reasons().get(0)).isEqualTo("(combined column, but its parts have columns of their own)");
    }

    @Test
    void anschriftBesideHausnummerIsTheStreet() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Anschrift", "Hausnummer", "PLZ", "Ort"), profile);
        assertThat(m.targets()).containsExactly(field("street"), field("house_number"), field("postal_code"),
                field("city"));
    }

    @Test
    void anschriftAloneIsSplit() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Anschrift", "PLZ"), profile);
        assertThat(m.targets()).containsExactly(new ColumnTarget.Composite("street_address"),
                field("postal_code"));
    }

    @Test
    void rolePrefixesAreSkipped() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Halter Nachname", "Halter_Vorname", "Kunde-Geburtsdatum",
                "person_email", "Antragsteller PLZ"), profile);
        assertThat(m.targets()).containsExactly(field("family_name"), field("given_names"), field("birth_date"),
                field("email"), field("postal_code"));
    }

    @Test
    void aRoleWordAloneIsTheCombinedName() {
        assertThat(single("Halter")).isEqualTo(new ColumnTarget.Composite("full_name"));
    }

    @Test
    void describeListsEveryColumn() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("PLZ", "Bemerkung", "Name", "Geburtsjahr"), profile);
        List<String> lines = m.describe();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("\"PLZ\"", "postal_code", "(header matches 'plz')");
        assertThat(lines.get(1)).contains("\"Bemerkung\"", "(kept, not compared)");
        assertThat(lines.get(2)).contains("full_name (split)");
        assertThat(lines.get(3)).contains("birth_date (year)");
    }

    @Test
    void coversFieldsDirectlyAsDatePartsAndThroughComposites() {
        ColumnMapping m = HeaderMatcher.suggest(List.of("Name", "Geburtsjahr", "PLZ"), profile);
        assertThat(m.covers("family_name", profile)).isTrue();
        assertThat(m.covers("given_names", profile)).isTrue();
        assertThat(m.covers("birth_date", profile)).isTrue();
        assertThat(m.covers("postal_code", profile)).isTrue();
        assertThat(m.covers("street", profile)).isFalse();
        assertThat(m.covers("tax_id", profile)).isFalse();
    }

    @Test
    void columnTargetParsesTheMappingFileForm() {
        assertThat(ColumnTarget.parse("family_name", profile)).isEqualTo(field("family_name"));
        assertThat(ColumnTarget.parse("birth_date.year", profile))
                .isEqualTo(new ColumnTarget.DatePart("birth_date", "year"));
        assertThat(ColumnTarget.parse("full_name", profile)).isEqualTo(new ColumnTarget.Composite("full_name"));
        assertThat(ColumnTarget.parse("extra", profile)).isEqualTo(new ColumnTarget.Extra());
        assertThat(ColumnTarget.parse("ignore", profile)).isEqualTo(new ColumnTarget.Extra());
        assertThat(ColumnTarget.parse(" ", profile)).isEqualTo(new ColumnTarget.Extra());
        assertThat(ColumnTarget.parse("birth_date.week", profile)).isNull();
        assertThat(ColumnTarget.parse("shoe_size", profile)).isNull();
    }
}
