package de.grw.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's data-quality checks live in the engine: postal codes, dates and sexes as the import reads them. */
class QualityProfilerTest {
    private static final MatchProfile PROFILE = ProfileLoader.load("person-de");
    private final QualityProfiler profiler = new QualityProfiler(PROFILE);

    private static List<List<String>> column(String... values) {
        return java.util.Arrays.stream(values).map(v -> java.util.Collections.singletonList(v)).toList();
    }

    @Test
    void postalCodesThatAreNotFiveDigitsAreCounted() {
        ColumnQuality q = profiler.profile(column("50667", "123456", "D-80331", "", "5O667", "50667"), 0,
                "postal_code");
        assertThat(q.rows()).isEqualTo(6);
        assertThat(q.filled()).isEqualTo(5);
        assertThat(q.invalid()).isEqualTo(2);
        assertThat(q.invalidExamples()).containsExactly("123456", "5O667");
        assertThat(q.top().get(0)).isEqualTo(new ColumnQuality.ValueCount("50667", 2));
    }

    @Test
    void datesAndDatePartsAreCheckedAsTheImportReadsThem() {
        assertThat(profiler.profile(column("03.04.1971", "31.02.1980", "1971-04-03", "gestern"), 0, "birth_date")
                .invalidExamples()).containsExactly("31.02.1980", "gestern");
        assertThat(profiler.profile(column("1", "12", "13"), 0, "birth_date.month").invalid()).isEqualTo(1);
    }

    @Test
    void aMappingFileWrittenByTheEngineReadsBack(@TempDir Path dir) throws Exception {
        MappingFile file = new MappingFile(Map.of("PLZ", "postal_code"), null, "windows-1252", ";", null);
        Path target = dir.resolve("mapping.json");
        file.write(target);
        assertThat(Files.readString(target)).contains("\"encoding\"", "\"columns\"").doesNotContain("sheet");
        assertThat(MappingFile.load(target)).isEqualTo(file);
    }
}
