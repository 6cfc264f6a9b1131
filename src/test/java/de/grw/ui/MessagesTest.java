package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the desktop is in both bundles, and every key the code names exists. */
class MessagesTest {
    private static final Pattern KEY = Pattern.compile("\\bget\\(\"([A-Za-z0-9_.]+)\"");

    @Test
    void germanAndEnglishHaveTheSameKeys() {
        Set<String> german = new TreeSet<>(I18n.german().bundle().keySet());
        Set<String> english = new TreeSet<>(new I18n(Locale.ENGLISH).bundle().keySet());
        assertThat(english).isEqualTo(german);
    }

    @Test
    void everyLiteralKeyInTheDesktopCodeExists() throws IOException {
        Set<String> german = I18n.german().bundle().keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/de/grw/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1).contains(".") && !m.group(1).endsWith(".") && !german.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysMadeFromEnginePhasesFormatsAndBandsExist() {
        Set<String> german = I18n.german().bundle().keySet();
        for (String phase : de.grw.ui.matching.MatchViewModel.PHASES) {
            assertThat(german).contains("phase." + phase);
        }
        for (var format : de.grw.importing.read.TableFormat.values()) {
            assertThat(german).contains("format." + format.name());
        }
        for (var band : de.grw.ui.review.Band.values()) {
            assertThat(german).contains("band." + band.name());
        }
        for (String part : new String[] {"year", "month", "day"}) {
            assertThat(german).contains("target.part." + part);
        }
    }
}
