package de.grw.ui.importing;

import de.grw.importing.ColumnQuality;
import static de.grw.ui.UiTestSupport.onFx;
import static de.grw.ui.UiTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.importing.MappingFile;
import de.grw.profile.MatchProfile;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The import view model without a robot: preview, mapping choices, quality profile, mapping files, import. */
class ImportViewModelTest {
    @TempDir
    Path dir;
    private WorkbenchModel model;
    private UiTestSupport.Recorded recorded;
    private ImportViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        model = UiTestSupport.signedInModel(dir);
        recorded = new UiTestSupport.Recorded();
        vm = new ImportViewModel(UiTestSupport.context(model, recorded));
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    private void preview(Path file) {
        onFx(() -> {
            vm.pathProperty().set(file.toString());
            vm.loadPreview();
        });
        assertThat(recorded.errors).isEmpty();
        assertThat(vm.columns()).as(vm.messageProperty().get()).isNotEmpty();
    }

    @Test
    void previewOfTheSozialamtDetectsASingleByteEncodingAndSemicolonAndMapsNameToFullName() {
        preview(sample("sozialamt.csv"));
        // a Windows export: not UTF-8, and without bytes 0x80-0x9F, so the reader names it ISO-8859-1 (which
        // decodes such a file exactly as Windows-1252 does)
        assertThat(vm.detectedProperty().get().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(vm.detectedProperty().get().delimiter()).isEqualTo(';');
        assertThat(vm.formatTextProperty().get()).isEqualTo(
                "Text mit Trennzeichen (CSV) · Zeichensatz ISO-8859-1 · Trennzeichen Semikolon (;)");
        assertThat(vm.previewRows().get(0).get(5)).isEqualTo("Fürstenwalde/Spree");
        assertThat(vm.header()).containsExactly("Aktenzeichen", "Name", "Geb.-Datum", "Anschrift", "PLZ", "Ort",
                "Geschlecht", "Steuer-ID");
        assertThat(vm.previewRows()).hasSize(ImportViewModel.PREVIEW_ROWS);
        assertThat(vm.previewRows().get(0).get(1)).isEqualTo("Bachmayer, Dominik");
        assertThat(vm.column("Name").target().code()).isEqualTo("full_name");
        assertThat(vm.column("Name").target().label()).contains("Familienname und Vornamen");
        assertThat(vm.column("Geb.-Datum").target().code()).isEqualTo("birth_date");
        assertThat(vm.column("Name").reasonProperty().get()).startsWith("Spaltenname passt");
        assertThat(vm.sourceNameProperty().get()).isEqualTo("sozialamt");
        ColumnQuality name = vm.column("Name").quality();
        assertThat(name.rows()).isEqualTo(103);
        assertThat(name.filledShare()).isEqualTo(1.0);
        assertThat(vm.targetOptions()).extracting(TargetOption::code)
                .contains("extra", "family_name", "birth_date.year", "full_name", "street_address");
        assertThat(TargetOption.find(vm.targetOptions(), "extra").label()).isEqualTo("(nicht abgleichen – behalten)");
    }

    @Test
    void aWindowsExportWithTypographicCharactersIsReadAsWindows1252() throws Exception {
        Path file = dir.resolve("export.txt");
        Files.write(file, "Nachname;Vorname;Bemerkung\r\nMüller;Hans;Umzug – „neue“ Anschrift\r\n"
                .getBytes(Charset.forName("windows-1252")));
        preview(file);
        assertThat(vm.detectedProperty().get().encoding()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(vm.formatTextProperty().get()).contains("windows-1252").contains("Semikolon");
        assertThat(vm.previewRows().get(0)).containsExactly("Müller", "Hans", "Umzug – „neue“ Anschrift");
        assertThat(vm.column("Nachname").target().code()).isEqualTo("family_name");
        assertThat(vm.column("Bemerkung").target().code()).isEqualTo("extra");
        assertThat(vm.column("Bemerkung").reasonProperty().get()).isEqualTo("kein passendes Feld");
    }

    @Test
    void qualityProfileCountsImpossibleDatesBadPostalCodesAndUnreadableSexes() throws Exception {
        Path file = dir.resolve("kunden.csv");
        Files.writeString(file, String.join("\n",
                "Familienname;Geburtsdatum;PLZ;Geschlecht",
                "Müller;31.02.2001;10115;m",
                "Müller;15.03.1980;1234;weiblich",
                "Schmidt;;ABCDE;?",
                "Meyer;1980-13-01;123;",
                "") , StandardCharsets.UTF_8);
        preview(file);
        ColumnQuality date = vm.column("Geburtsdatum").quality();
        assertThat(date.rows()).isEqualTo(4);
        assertThat(date.filled()).isEqualTo(3);
        assertThat(date.filledShare()).isEqualTo(0.75);
        assertThat(date.invalid()).isEqualTo(2);
        assertThat(date.invalidExamples()).containsExactly("31.02.2001", "1980-13-01");
        ColumnQuality plz = vm.column("PLZ").quality();
        assertThat(plz.invalid()).as("1234 gets its leading zero back; ABCDE and 123 are no postal codes")
                .isEqualTo(2);
        assertThat(vm.column("Geschlecht").quality().invalid()).isEqualTo(1);
        ColumnQuality names = vm.column("Familienname").quality();
        assertThat(names.invalid()).isZero();
        assertThat(names.top()).containsExactly(new ColumnQuality.ValueCount("Müller", 2),
                new ColumnQuality.ValueCount("Meyer", 1), new ColumnQuality.ValueCount("Schmidt", 1));

        onFx(() -> vm.choose("Geburtsdatum", "extra"));
        assertThat(vm.column("Geburtsdatum").quality().invalid()).as("kept, not compared: nothing to check").isZero();
        assertThat(vm.column("Geburtsdatum").reasonProperty().get()).isEqualTo("von Hand gewählt");
        onFx(() -> vm.choose("Geburtsdatum", "birth_date.year"));
        assertThat(vm.column("Geburtsdatum").quality().invalid()).as("no value is a year").isEqualTo(3);
    }

    @Test
    void theImportStoresRecordsMappedAsChosenAndShowsTheProblems() throws Exception {
        Path file = dir.resolve("kfz.csv");
        List<String> lines = Files.readAllLines(sample("kfz_halter.csv"));
        lines.set(2, lines.get(2).replace("1995-05-24", "1995-02-30"));
        Files.write(file, lines);
        preview(file);
        assertThat(vm.column("ort").target().code()).isEqualTo("city");
        assertThat(vm.column("geburtsdatum").quality().invalid()).isEqualTo(1);
        onFx(() -> {
            vm.choose("ort", "birth_place");
            vm.sourceNameProperty().set("Kfz-Halter März");
            vm.runImport();
        });
        assertThat(recorded.errors).isEmpty();
        ImportViewModel.Outcome outcome = vm.outcomeProperty().get();
        assertThat(outcome).as(vm.messageProperty().get()).isNotNull();
        assertThat(outcome.result().source()).isEqualTo("Kfz-Halter März");
        assertThat(outcome.result().imported().recordsImported()).isEqualTo(121);
        assertThat(vm.resultTextProperty().get()).contains("Datensätze: 121").contains("nicht verwendbare Werte: 1");
        assertThat(vm.problems()).hasSize(1);
        assertThat(vm.problems().get(0)).isEqualTo("Zeile 3, Spalte „geburtsdatum“: Wert nicht verwendet – "
                + "„1995-02-30“: unmögliches Datum (Monat 2 hat keinen Tag 30); übernommen als 1995-00-00 "
                + "(00 = unbekannt)");

        MatchProfile profile = model.signedIn().governance().profile();
        String stored = UiTestSupport.read(model, c -> {
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT values_json FROM records ORDER BY id LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        List<?> values = new ObjectMapper().readValue(stored, List.class);
        assertThat(values.get(profile.fieldIndex("birth_place"))).isEqualTo("GERNSBACH");
        assertThat(values.get(profile.fieldIndex("city"))).isNull();
        assertThat(values.get(profile.fieldIndex("family_name"))).isEqualTo("THALMAYR");
    }

    @Test
    void theMappingFileNamesEveryColumnAndRoundTrips() {
        preview(sample("sozialamt.csv"));
        onFx(() -> {
            vm.choose("Anschrift", "street");
            vm.choose("Ort", "birth_place");
            vm.choose("Steuer-ID", "extra");
        });
        MappingFile mapping = vm.mappingFile();
        assertThat(mapping.columns()).hasSize(8).containsEntry("Name", "full_name").containsEntry("Anschrift",
                "street").containsEntry("Ort", "birth_place").containsEntry("Steuer-ID", "extra");
        Path saved = dir.resolve("profile/sozialamt-zuordnung.json");
        onFx(() -> vm.saveMapping(saved));
        assertThat(vm.messageProperty().get()).isEqualTo("Zuordnung gespeichert: sozialamt-zuordnung.json");
        assertThat(MappingFile.load(saved).columns()).isEqualTo(mapping.columns());

        // a fresh screen suggests the automatic mapping again; loading the file restores the choices
        vm = new ImportViewModel(UiTestSupport.context(model, recorded));
        preview(sample("sozialamt.csv"));
        assertThat(vm.column("Anschrift").target().code()).isEqualTo("street_address");
        onFx(() -> vm.loadMapping(saved));
        assertThat(vm.column("Anschrift").target().code()).isEqualTo("street");
        assertThat(vm.column("Ort").target().code()).isEqualTo("birth_place");
        assertThat(vm.column("Anschrift").reasonProperty().get()).isEqualTo("aus der Zuordnungsdatei");
        assertThat(vm.mappingFile().columns()).isEqualTo(mapping.columns());
        assertThat(vm.mappingNameProperty().get()).isEqualTo("sozialamt-zuordnung.json");

        // loaded first, it applies to the next file previewed
        vm = new ImportViewModel(UiTestSupport.context(model, recorded));
        onFx(() -> vm.loadMapping(saved));
        preview(sample("sozialamt.csv"));
        assertThat(vm.column("Ort").target().code()).isEqualTo("birth_place");
    }

    @Test
    void savingAndLoadingAMappingFileRunThroughTheTaskRunnerAndFailWithAMessage() throws Exception {
        preview(sample("sozialamt.csv"));
        Path folder = Files.createDirectories(dir.resolve("a-folder.json"));
        onFx(() -> vm.saveMapping(folder));
        assertThat(vm.messageProperty().get()).startsWith("Die Zuordnung konnte nicht als a-folder.json gespeichert "
                + "werden");
        assertThat(recorded.errors).isEmpty();
        onFx(() -> vm.loadMapping(dir.resolve("missing.json")));
        assertThat(vm.messageProperty().get()).contains("missing.json");
        assertThat(vm.mappingNameProperty().get()).isEmpty();
    }

    @Test
    void aMappingFileWithAnEncodingReadsTheFileAgainWithIt() throws Exception {
        Path mapping = dir.resolve("latin1.json");
        new ObjectMapper().writeValue(mapping.toFile(), Map.of("encoding", "ISO-8859-1", "columns", Map.of("Ort",
                "extra")));
        preview(sample("sozialamt.csv"));
        onFx(() -> vm.loadMapping(mapping));
        assertThat(vm.detectedProperty().get().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(vm.column("Ort").target().code()).isEqualTo("extra");
        assertThat(vm.mappingFile().encoding()).isEqualTo("ISO-8859-1");
    }

    @Test
    void aCancelledImportSaysTruthfullyWhetherItStoredAnything() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        I18n i18n = I18n.german();
        ImportViewModel background = new ImportViewModel(new AppContext(i18n, model, new TaskRunner(executor, i18n),
                new UserSettings(), recorded.errors::add, recorded.navigations::add));
        onFx(() -> {
            background.pathProperty().set(sample("kfz_halter.csv").toString());
            background.loadPreview();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !background.columns().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            background.runImport();
            assertThat(background.busyProperty().get()).isTrue();
            background.cancel();
        });
        executor.shutdown();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !background.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorded.errors).isEmpty();
        int sources = UiTestSupport.read(model, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM sources")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        // a small file may be stored before the importer looks at the cancel; the screen must say which happened
        if (sources == 0) {
            assertThat(background.outcomeProperty().get()).isNull();
            assertThat(background.messageProperty().get()).isEqualTo("Abgebrochen. Es wurde nichts gespeichert.");
        } else {
            assertThat(background.outcomeProperty().get()).isNotNull();
            assertThat(background.messageProperty().get()).startsWith("Der Abbruch kam zu spät");
        }
    }

    @Test
    void inEnglishTheTargetsFormatAndReasonsAreEnglish() {
        I18n english = new I18n(java.util.Locale.ENGLISH);
        vm = new ImportViewModel(new AppContext(english, model, new TaskRunner(TaskRunner.sameThread(), english),
                new UserSettings(), recorded.errors::add, recorded.navigations::add));
        preview(sample("sozialamt.csv"));
        assertThat(vm.formatTextProperty().get()).isEqualTo(
                "Delimited text (CSV) · encoding ISO-8859-1 · delimiter semicolon (;)");
        assertThat(vm.column("Geb.-Datum").target().label()).isEqualTo("Date of birth");
        assertThat(vm.column("Name").reasonProperty().get()).startsWith("column name matches");
        assertThat(TargetOption.find(vm.targetOptions(), "birth_date.year").label()).isEqualTo("Date of birth: year");
        assertThat(TargetOption.find(vm.targetOptions(), "extra").label()).isEqualTo("(do not compare – keep)");
    }

    @Test
    void aMissingFileIsReportedInTheMessage() {
        onFx(() -> {
            vm.pathProperty().set(dir.resolve("gibt-es-nicht.csv").toString());
            vm.loadPreview();
        });
        assertThat(vm.messageProperty().get()).contains("wurde nicht gefunden");
        assertThat(vm.columns()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(recorded.errors).isEmpty();
    }

    @Test
    void theSheetChosenFromAWorkbookIsNamedBeforeTheImport() throws Exception {
        Path book = dir.resolve("amt.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(book)) {
            wb.createSheet("Deckblatt").createRow(0).createCell(0).setCellValue("Melderegister");
            var people = wb.createSheet("Personen");
            String[][] rows = {{"Nachname", "Vorname"}, {"Müller", "Hans"}};
            for (int r = 0; r < rows.length; r++) {
                var row = people.createRow(r);
                row.createCell(0).setCellValue(rows[r][0]);
                row.createCell(1).setCellValue(rows[r][1]);
            }
            wb.write(out);
        }
        onFx(() -> {
            vm.pathProperty().set(book.toString());
            vm.loadPreview();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.header()).containsExactly("Nachname", "Vorname");
        assertThat(vm.messageProperty().get()).contains("\nHinweis – Gelesen wird das Blatt „Personen“, das erste "
                + "mit einer Tabelle; nicht gelesen: „Deckblatt“ (keine Tabelle).");
    }

    @Test
    void anUnreadableFileIsReportedInGerman() throws Exception {
        java.nio.file.Path binary = dir.resolve("bild.csv");
        java.nio.file.Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, 0, 0});
        onFx(() -> {
            vm.pathProperty().set(binary.toString());
            vm.loadPreview();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageProperty().get())
                .startsWith("bild.csv: keine Textdatei (binärer Inhalt bei Byte 0, Zeile 1).");
        assertThat(vm.columns()).isEmpty();
        assertThat(recorded.errors).isEmpty();
    }
}
