package de.grw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordAssemblerTest {
    private static MatchProfile profile;
    private final List<ImportProblem> problems = new ArrayList<>();

    @BeforeAll
    static void loadProfile() {
        profile = ProfileLoader.defaultProfile();
    }

    /** Assembles one row under the suggested mapping of the headers; returns the non-empty values by field. */
    private Map<String, String> assemble(List<String> headers, String... cells) {
        RecordAssembler asm = new RecordAssembler(profile, HeaderMatcher.suggest(headers, profile));
        String[] values = asm.assemble(cells, "kunden.csv", 7, 8, problems);
        assertThat(values).hasSize(profile.fields().size());
        Map<String, String> out = new LinkedHashMap<>();
        for (int f = 0; f < values.length; f++) {
            if (values[f] != null) {
                out.put(profile.fields().get(f).name(), values[f]);
            }
        }
        return out;
    }

    @Test
    void directColumnsAreCopiedTrimmedAndEmptyCellsLeftOut() {
        Map<String, String> v = assemble(List.of("Nachname", "Vorname", "PLZ", "Ort", "Bemerkung"),
                "  Müller ", "Hans", "", "Köln", "Stammkunde");
        assertThat(v).containsExactly(entry("family_name", "Müller"), entry("given_names", "Hans"),
                entry("city", "Köln"));
        assertThat(problems).isEmpty();
    }

    @Test
    void theOriginalCellArrayIsNotChanged() {
        String[] cells = {" Müller, Hans ", "31.02.2001"};
        RecordAssembler asm = new RecordAssembler(profile,
                HeaderMatcher.suggest(List.of("Name", "Geburtsdatum"), profile));
        asm.assemble(cells, "f.csv", 1, 2, problems);
        assertThat(cells).containsExactly(" Müller, Hans ", "31.02.2001");
    }

    @Test
    void numberedColumnsAreJoinedInColumnOrder() {
        Map<String, String> v = assemble(List.of("fname_c1", "lname_c1", "fname_c2"), "Karl", "Meier", "Heinz");
        assertThat(v).containsEntry("given_names", "Karl Heinz").containsEntry("family_name", "Meier");
    }

    @Test
    void anEmptyNumberedPartLeavesNoDoubleBlank() {
        Map<String, String> v = assemble(List.of("fname_c1", "fname_c2"), "Karl", " ");
        assertThat(v).containsEntry("given_names", "Karl");
    }

    @Test
    void aCombinedNameColumnIsSplit() {
        Map<String, String> v = assemble(List.of("Name", "Geburtsdatum"), "Dr. Müller, Hans", "12.03.1950");
        assertThat(v).containsExactly(entry("family_name", "Müller"), entry("given_names", "Hans"),
                entry("academic_title", "Dr."), entry("birth_date", "1950-03-12"));
    }

    @Test
    void aCombinedAddressColumnIsSplit() {
        Map<String, String> v = assemble(List.of("Anschrift", "PLZ"), "Hauptstr. 12a", "50667");
        assertThat(v).containsExactly(entry("street", "Hauptstr."), entry("house_number", "12a"),
                entry("postal_code", "50667"));
    }

    @Test
    void directColumnsWinOverTheSplitParts() {
        // "Halter" is a combined name column, the Titel column a direct one
        Map<String, String> v = assemble(List.of("Halter", "Titel"), "Prof. Müller, Hans", "Dr.");
        assertThat(v).containsEntry("academic_title", "Dr.")
                .containsEntry("family_name", "Müller")
                .containsEntry("given_names", "Hans");
    }

    @Test
    void aStreetCellWithANumberIsSplitWhenTheHouseNumberIsEmpty() {
        Map<String, String> v = assemble(List.of("Straße", "Hausnummer"), "Goethestr. 7 b", "");
        assertThat(v).containsEntry("street", "Goethestr.").containsEntry("house_number", "7 b");
    }

    @Test
    void aStreetCellWithANumberIsKeptWhenTheHouseNumberIsGiven() {
        Map<String, String> v = assemble(List.of("Straße", "Hausnummer"), "Straße des 17. Juni", "5");
        assertThat(v).containsEntry("street", "Straße des 17. Juni").containsEntry("house_number", "5");
    }

    @Test
    void aStreetCellWithoutNumberStaysAsItIs() {
        Map<String, String> v = assemble(List.of("Straße"), "Am Markt");
        assertThat(v).containsExactly(entry("street", "Am Markt"));
    }

    @Test
    void aFamilyNameCellWithACommaIsSplitWhenTheGivenNameIsEmpty() {
        Map<String, String> v = assemble(List.of("Nachname", "Vorname"), "Müller, Hans", "");
        assertThat(v).containsEntry("family_name", "Müller").containsEntry("given_names", "Hans");
    }

    @Test
    void aMarriedNameWithGebGivesFamilyAndBirthName() {
        assertThat(assemble(List.of("Nachname", "Vorname"), "Schmidt geb. Braun", "Anna"))
                .containsEntry("family_name", "Schmidt").containsEntry("birth_name", "Braun");
        assertThat(assemble(List.of("Name"), "Schmidt geb. Braun, Anna"))
                .containsEntry("family_name", "Schmidt").containsEntry("birth_name", "Braun")
                .containsEntry("given_names", "Anna");
        // a birth name column of its own wins
        assertThat(assemble(List.of("Nachname", "Geburtsname"), "Schmidt geb. Braun", "Braun-Weiß"))
                .containsEntry("family_name", "Schmidt geb. Braun").containsEntry("birth_name", "Braun-Weiß");
    }

    @Test
    void flagsBecomeTrueOrFalse() {
        assertThat(assemble(List.of("Auskunftssperre"), "ja")).containsEntry("blocking_notice", "true");
        assertThat(assemble(List.of("Auskunftssperre"), "JA")).containsEntry("blocking_notice", "true");
        assertThat(assemble(List.of("Auskunftssperre"), "x")).containsEntry("blocking_notice", "true");
        assertThat(assemble(List.of("Auskunftssperre"), "nein")).containsEntry("blocking_notice", "false");
        assertThat(assemble(List.of("Auskunftssperre"), "0")).containsEntry("blocking_notice", "false");
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnreadableFlagIsReportedAndLeftEmpty() {
        Map<String, String> v = assemble(List.of("Nachname", "Auskunftssperre"), "Müller", "vielleicht");
        assertThat(v).doesNotContainKey("blocking_notice");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.INVALID_VALUE);
            assertThat(p.column()).isEqualTo("Auskunftssperre");
            assertThat(p.message()).isEqualTo("blocking_notice: 'vielleicht' is neither yes nor no");
        });
    }

    @Test
    void parseFlag() {
        for (String yes : List.of("ja", "j", "yes", "Y", "x", "1", "true", "WAHR", "gesperrt", "Sperre", " ja ")) {
            assertThat(RecordAssembler.parseFlag(yes)).as(yes).isTrue();
        }
        for (String no : List.of("nein", "N", "no", "0", "false", "falsch", "-")) {
            assertThat(RecordAssembler.parseFlag(no)).as(no).isFalse();
        }
        assertThat(RecordAssembler.parseFlag("2")).isNull();
    }

    @Test
    void datesAreParsedToIso() {
        assertThat(assemble(List.of("Geb.-Datum"), "2.3.1950")).containsEntry("birth_date", "1950-03-02");
        assertThat(assemble(List.of("date_of_birth"), "19500302")).containsEntry("birth_date", "1950-03-02");
        assertThat(problems).isEmpty();
    }

    @Test
    void anInvalidDateIsReportedWithFileLineAndColumn() {
        Map<String, String> v = assemble(List.of("Nachname", "Geb.-Datum"), "Müller", "31.02.2001");
        assertThat(v).containsEntry("birth_date", "2001-00-00");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("kunden.csv");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.rowNumber()).isEqualTo(7);
            assertThat(p.column()).isEqualTo("Geb.-Datum");
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.INVALID_VALUE);
            assertThat(p.rawText()).isEqualTo("31.02.2001");
            assertThat(p.message()).isEqualTo("birth_date: '31.02.2001': impossible date (month 2 has no day 31); "
                    + "kept as 2001-00-00 (00 = unknown)");
            assertThat(p.describe()).isEqualTo("kunden.csv, line 8, column \"Geb.-Datum\": value not used: "
                    + p.message());
        });
    }

    @Test
    void aDateThatIsNoDateIsReportedAndLeftEmpty() {
        Map<String, String> v = assemble(List.of("Geburtsdatum"), "unbekannt");
        assertThat(v).doesNotContainKey("birth_date");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith(
                "birth_date: 'unbekannt' is not a date"));
    }

    @Test
    void separateDatePartsAreCombined() {
        Map<String, String> v = assemble(List.of("Geburtstag", "Geburtsmonat", "Geburtsjahr"), "", "3", "1950");
        // "Geburtstag" is the birthday (a whole date), so the parts fill the date only when it is empty
        assertThat(v).containsEntry("birth_date", "1950-03-00");
        assertThat(problems).isEmpty();
    }

    @Test
    void separatePartsFromByBmBd() {
        Map<String, String> v = assemble(List.of("bd", "bm", "by"), "12", "3", "1950");
        assertThat(v).containsEntry("birth_date", "1950-03-12");
    }

    @Test
    void impossibleSeparatePartsAreReportedWithTheirColumns() {
        Map<String, String> v = assemble(List.of("bd", "bm", "by"), "31", "2", "2001");
        assertThat(v).containsEntry("birth_date", "2001-00-00");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("bd/bm/by");
            assertThat(p.rawText()).isEqualTo("31.2.2001");
        });
    }

    @Test
    void aShortRowFillsWhatItHas() {
        Map<String, String> v = assemble(List.of("Nachname", "Vorname", "PLZ"), "Müller");
        assertThat(v).containsExactly(entry("family_name", "Müller"));
    }

    @Test
    void idFieldIndex() {
        RecordAssembler asm = new RecordAssembler(profile, HeaderMatcher.suggest(List.of("Nachname"), profile));
        assertThat(asm.idField()).isEqualTo(profile.fieldIndex("record_id"));
        assertThat(asm.mapping().columns()).containsExactly("Nachname");
    }
}
