package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.ProfileLoader;
import de.grw.ui.review.Band;
import de.grw.ui.review.ReviewViewModel;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of the desktop comes from the bundles: German (default) and English have the same keys, every key the
 * code asks for exists (among them one per journal action), and no key is unused.
 */
class I18nBundleTest {
    private static final Path UI = Path.of("src/desktop/src/main/java/de/grw/ui");
    private static final Pattern GET = Pattern.compile(
            "(?:\\bt|\\bi18n|\\bt\\(\\)|\\bi18n\\(\\))\\.get\\(\"([A-Za-z0-9_.]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)\"");
    /** Progress phases the engine reports (ProgressListener phase keys). */
    private static final Set<String> PHASES = Set.of("read", "import", "normalise", "block", "compare", "estimate",
            "score", "cluster", "export", "proposals.check", "proposals.resolve", "proposals.store",
            "proposals.upload");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundleTest.class.getResourceAsStream("/de/grw/ui/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String uiSource() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sb.append(Files.readString(f)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Keys the code builds at run time from enums, the profile, phases and journal actions. */
    private static Set<String> dynamicKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        PHASES.forEach(p -> keys.add("phase." + p));
        keys.add("settings.language.de");
        keys.add("settings.language.en");
        for (Role r : Role.values()) {
            keys.add("role." + r.name());
        }
        for (Band b : Band.values()) {
            keys.add("band." + b.name());
        }
        for (ReviewViewModel.StatusFilter f : ReviewViewModel.StatusFilter.values()) {
            keys.add("filter." + f.name());
        }
        for (de.grw.importing.read.TableFormat f : de.grw.importing.read.TableFormat.values()) {
            keys.add("format." + f.name());
        }
        for (de.grw.profile.CompositeSpec c : ProfileLoader.defaultProfile().composites()) {
            keys.add("target.composite." + c.name());
        }
        for (String part : List.of("year", "month", "day")) {
            keys.add("target.part." + part);
        }
        for (de.grw.export.ExportFormat f : de.grw.export.ExportFormat.values()) {
            keys.add("export.format." + f.name());
        }
        for (ClusterStatus s : ClusterStatus.values()) {
            keys.add("status." + s.name());
        }
        // (the words of the explanation lines are the engine's: ExplanationText, checked by TextsBundleTest)
        // what a server does not offer yet is named in the message
        for (String f : de.grw.ui.common.Errors.FEATURES) {
            keys.add("remote.feature." + f);
        }
        // the audit screen names every journal action by its stored code
        for (de.grw.journal.JournalAction a : de.grw.journal.JournalAction.values()) {
            keys.add("action." + a.code());
        }
        return keys;
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = I18nBundleTest.class.getResourceAsStream("/de/grw/ui/" + name)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#") && !seen.add(line.substring(0, eq).strip())) {
                        twice.add(line.substring(0, eq).strip());
                    }
                }
            }
            // the later definition would silently win
            assertThat(twice).as("keys defined twice in " + name).isEmpty();
        }
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> de = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(en)).as("keys only in German").containsAll(de);
        assertThat(new TreeSet<>(de)).as("keys only in English").containsAll(en);
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> de = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Matcher m = GET.matcher(uiSource());
        while (m.find()) {
            if (!m.group(1).endsWith(".")) {
                used.add(m.group(1));
            }
        }
        used.addAll(dynamicKeys());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(de);
        assertThat(missing).as("keys used by the code but missing in the bundles").isEmpty();
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> de = load("messages.properties").stringPropertyNames();
        String source = uiSource();
        Set<String> used = new HashSet<>(dynamicKeys());
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> unused = new TreeSet<>(de);
        unused.removeAll(used);
        assertThat(unused).as("keys in the bundles that no code uses").isEmpty();
    }
}
