package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The developer tool's help: every command in the list with its whole description ("(melderegister.csv," was where
 * it ended), and no word broken at a dot.
 */
class BenchHelpTest {
    private static String help(String... args) {
        StringWriter out = new StringWriter();
        BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        return out.toString();
    }

    @Test
    void everyCommandIsListedWithWholeSentences() {
        String usage = help("--help");
        List<String> entries = new ArrayList<>();
        boolean in = false;
        for (String line : usage.split("\\R")) {
            if (line.equals("Commands:")) {
                in = true;
            } else if (in && line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.trim());
            } else if (in && !line.isBlank() && !entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
            }
        }
        assertThat(entries).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e).endsWith("."));
        assertThat(usage.replaceAll("\\s+", " ")).contains("(melderegister.csv, sozialamt.csv, kfz_halter.csv)");
        for (String entry : entries) {
            String name = entry.split("\\s+")[0];
            String text = help(name, "--help").replaceAll("\\s+", " ");
            assertThat(text).as(name).doesNotContainPattern("\\w\\. (jsonl|csv|head|grw|json|jar)\\b");
        }
    }
}
