package de.grw.common;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.model.DifferenceCount;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.ContradictionSpec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.review.DecisionKind;
import de.grw.review.ExplanationText;
import de.grw.review.DecisionState;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's user messages exist in English and German for every key the code uses. */
class TextsBundleTest {
    private static final Pattern KEY = Pattern.compile("Text\\.of\\(\\s*\"([a-z0-9_.]+)\"");
    private static final Pattern KEY_CHOICE = Pattern.compile(
            "Text\\.of\\([^;\"]*\\?\\s*\"([a-z_]+\\.[a-z_.]+)\"\\s*:\\s*\"([a-z_]+\\.[a-z_.]+)\"");
    private static final Pattern DEED = Pattern.compile("\\.require\\(Permission\\.\\w+, \"([a-z_]+)\"\\)");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Text.class.getResourceAsStream("/de/grw/common/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) { // every module's main sources
            for (Path f : files.filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/")
                    && p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : new Pattern[] {KEY, DEED}) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        keys.add((p == DEED ? "deed." : "") + m.group(1));
                    }
                }
                Matcher m = KEY_CHOICE.matcher(src);
                while (m.find()) {
                    keys.add(m.group(1));
                    keys.add(m.group(2));
                }
            }
        }
        keys.remove("status.");
        keys.remove("state.");
        keys.remove("kind.");
        keys.remove("role.");
        keys.remove("deed.");
        for (ClusterStatus s : ClusterStatus.values()) {
            keys.add("status." + s.name());
        }
        for (DecisionState s : DecisionState.values()) {
            keys.add("state." + s.name());
        }
        for (DecisionKind k : DecisionKind.values()) {
            keys.add("kind." + k.name());
        }
        for (Role r : Role.values()) {
            keys.add("role." + r.name());
        }
        keys.addAll(explanationKeys());
        return keys;
    }

    /** The words of every explanation line the shipped profiles can produce (see {@code ExplanationText}). */
    private static Set<String> explanationKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> profiles;
        try (Stream<Path> files = Files.list(Path.of("resources/profiles"))) {
            profiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(profiles).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : profiles) {
            MatchProfile profile = ProfileLoader.load(file);
            for (ComparisonSpec c : profile.comparisons()) {
                keys.add("explanation.cmp." + c.name());
                c.levels().forEach(l -> keys.add("explanation.level." + l.label()));
            }
            profile.contradictions().stream().filter(ContradictionSpec::direct).forEach(c -> {
                keys.add("explanation.cmp." + ExplanationText.CONTRADICTION);
                keys.add("explanation.level." + c.label());
            });
            if (profile.model().household() != null) {
                profile.model().household().classes().forEach(c -> keys.add("explanation.versus." + c.name()));
            }
            if (!profile.model().differences().isEmpty()) {
                keys.add("explanation.cmp." + DifferenceCount.NAME);
                for (int c = 0; c <= DifferenceCount.MAX; c++) {
                    keys.add("explanation.level." + DifferenceCount.label(c));
                }
            }
        }
        keys.add("explanation.level.else");
        keys.add("explanation.level.missing");
        return keys;
    }

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(load("texts_de.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(load("texts.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyTheCodeUsesExistsAndNoneIsUnused() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).hasSizeGreaterThan(50);
        Set<String> defined = new TreeSet<>(load("texts.properties").stringPropertyNames());
        assertThat(defined).as("keys used by the code").containsAll(used);
        assertThat(used).as("keys in the bundle").containsAll(defined);
    }

    @Test
    void theCommandLineGetsEnglishAndTheDesktopGerman() {
        UserFacingException e = new UserFacingException(Text.of("review.four_eyes_approve", "anna", 12_345));
        assertThat(e.getMessage()).isEqualTo("four-eyes principle: anna proposed decision 12345 and may not approve it");
        assertThat(e.message(Locale.GERMAN))
                .isEqualTo("Vier-Augen-Prinzip: anna hat Entscheidung 12345 vorgeschlagen und darf sie nicht freigeben.");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage());
        assertThat(new UserFacingException("plain").message(Locale.GERMAN)).isEqualTo("plain");
    }

    @Test
    void nestedTextsAreShownInTheSameLanguage() {
        Text denied = Text.of("access.denied", "anna", Text.of("role.CLERK"), Text.of("deed.approve_merges"));
        assertThat(denied.english()).isEqualTo("user anna (clerk) may not approve merges");
        assertThat(denied.in(Locale.GERMAN))
                .isEqualTo("Zusammenführungen freigeben ist für anna (Sachbearbeitung) nicht erlaubt.");
        // an apostrophe stays an apostrophe
        assertThat(Text.of("workspace.not_found", "a.grw").english())
                .isEqualTo("a.grw: no workspace file found (create one with 'init')");
    }

    @Test
    void explanationLinesReadAsTheClerkSeesThem() {
        // against two people of one household: the issue's example line
        assertThat(ExplanationText.describe("given_names", "else", "household", Locale.GERMAN) + " "
                + ExplanationText.weight(-9.3, Locale.GERMAN)).isEqualTo("gleicher Haushalt: Vornamen verschieden \u22129,3");
        assertThat(ExplanationText.describe("given_names", "else", "household", Locale.ENGLISH) + " "
                + ExplanationText.weight(-9.3, Locale.ENGLISH)).isEqualTo("same household: given names different \u22129.3");
        assertThat(ExplanationText.describe("sex", "exact", "twins", Locale.GERMAN)).isEqualTo("Zwillinge: Geschlecht gleich");
        // against two people taken at random
        assertThat(ExplanationText.describe("birth_date", "day_month_swapped", "others", Locale.GERMAN))
                .isEqualTo("Geburtsdatum: Tag und Monat vertauscht");
        assertThat(ExplanationText.weight(6.81, Locale.GERMAN)).isEqualTo("+6,8");
        // a direct contradiction is never weighed against a household; it refuses the link
        assertThat(ExplanationText.describe("contradiction", "tax_id_identifier_differs", "household", Locale.GERMAN))
                .isEqualTo("Widerspruch: zwei gültige Steuer-IDs");
        assertThat(ExplanationText.describe("contradiction", "birth_date_years_apart", "others", Locale.ENGLISH))
                .isEqualTo("contradiction: birth years a generation apart");
        assertThat(ExplanationText.refused(Locale.GERMAN)).isEqualTo("Verknüpfung ausgeschlossen");
        // a custom profile's own names are shown as they are
        assertThat(ExplanationText.describe("shoe_size", "one_size_apart", "others", Locale.GERMAN))
                .isEqualTo("shoe size: one size apart");
    }
}
