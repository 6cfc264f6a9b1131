package de.grw.importing;

import de.grw.normalising.Addresses;
import de.grw.normalising.GermanText;
import de.grw.normalising.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Registry of splitters by name. */
public final class Splitters {
    private static final Map<String, Splitter> REGISTRY = new ConcurrentHashMap<>();

    static {
        register(new PersonNameSplitter());
        register(new StreetAddressSplitter());
        register(new BirthNameSplitter());
    }

    private Splitters() {
    }

    public static void register(Splitter splitter) {
        REGISTRY.put(splitter.name(), splitter);
    }

    public static Splitter get(String name) {
        Splitter s = REGISTRY.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown splitter '" + name + "'; known: " + REGISTRY.keySet());
        }
        return s;
    }

    /**
     * The words of a trimmed text as {@code Pattern.compile("\\s+").split(trimmed)} gives them (runs of {@code \s}
     * between them, none at its ends; {@code ""} gives one empty word). By hand, not with the regular expression:
     * compiled into the splitters that run for every name of an import, the expression's matching machinery was
     * most of their compiled code (C2 compiled {@code stripTitles} twice at about 50 KB, measured at a million rows).
     */
    static String[] words(String trimmed) {
        int n = trimmed.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            if (isBlank(trimmed.charAt(i)) && (i == 0 || !isBlank(trimmed.charAt(i - 1)))) {
                count++;
            }
        }
        if (count == 1) {
            return new String[] {trimmed};
        }
        String[] words = new String[count];
        int k = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (isBlank(trimmed.charAt(i))) {
                if (i == 0 || !isBlank(trimmed.charAt(i - 1))) {
                    words[k++] = trimmed.substring(start, i);
                }
                start = i + 1;
            }
        }
        words[k] = trimmed.substring(start);
        return words;
    }

    /** Whether a character is one of {@code \s}: blank, tab, line break, vertical tab, form feed, return. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Splits a person's name into family name, given names and academic title. {@code "Müller, Hans"} is family
     * name first; without a comma, a word in capitals among mixed-case words is the family name
     * ({@code "MÜLLER Hans"}), else the last word with its particles ({@code "Hans von Müller"}).
     */
    static final class PersonNameSplitter implements Splitter {
        @Override
        public String name() {
            return "person_name";
        }

        @Override
        public String[] split(String cell, int targetCount) {
            String[] out = new String[targetCount];
            if (cell == null || cell.isBlank()) {
                return out;
            }
            String family;
            String given;
            List<String> titles = new ArrayList<>();
            int comma = cell.indexOf(',');
            if (comma >= 0) {
                family = cell.substring(0, comma).trim();
                given = cell.substring(comma + 1).trim();
            } else {
                List<String> words = new ArrayList<>(List.of(words(cell.trim())));
                int capital = capitalWord(words);
                if (capital >= 0) {
                    family = words.remove(capital);
                    given = String.join(" ", words);
                } else {
                    int start = words.size() - 1;
                    while (start > 0 && isParticleWord(words.get(start - 1))
                            && start - 1 > 0) {
                        start--;
                    }
                    family = String.join(" ", words.subList(start, words.size()));
                    given = String.join(" ", words.subList(0, start));
                }
            }
            given = stripTitles(given, titles);
            family = stripTitles(family, titles);
            out[0] = family.isEmpty() ? null : family;
            if (targetCount > 1) {
                out[1] = given.isEmpty() ? null : given;
            }
            if (targetCount > 2) {
                out[2] = titles.isEmpty() ? null : String.join(" ", titles);
            }
            return out;
        }

        @Override
        public boolean evidentlyCombined(String cell) {
            return cell != null && cell.indexOf(',') > 0;
        }

        private static int capitalWord(List<String> words) {
            if (words.size() < 2) {
                return -1;
            }
            int found = -1;
            int mixed = 0;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                boolean letters = w.chars().anyMatch(Character::isLetter);
                boolean upper = letters && w.equals(w.toUpperCase(java.util.Locale.GERMAN)) && w.length() > 1;
                if (upper) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = i;
                } else if (letters) {
                    mixed++;
                }
            }
            return mixed > 0 ? found : -1;
        }

        private static String stripTitles(String part, List<String> titles) {
            if (part.isEmpty()) {
                return part;
            }
            String trimmed = part.trim();
            if (!hasBlank(trimmed)) {
                return trimmed; // one word: the title test below keeps the last word in any case
            }
            String[] words = words(trimmed);
            int i = 0;
            while (i < words.length - 1 && isTitleWord(words[i])) {
                titles.add(words[i]);
                i++;
            }
            return String.join(" ", java.util.Arrays.asList(words).subList(i, words.length));
        }

        /** Whether the text holds a character of {@code \s} ({@link Splitters#isBlank}). */
        private static boolean hasBlank(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (isBlank(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Words already judged as title words ({@link #isTitleWord}) or particles ({@link #isParticleWord}), by text:
         * a register's names repeat, and the search form behind each judgement is long code that the JIT otherwise
         * compiled into the name splitting again and again (seconds of compiling during a million-row import).
         * Shared by the import threads; bounded.
         */
        private static final Map<String, Boolean> TITLE_WORDS = new ConcurrentHashMap<>();
        private static final Map<String, Boolean> PARTICLE_WORDS = new ConcurrentHashMap<>();
        private static final int JUDGED_LIMIT = 50_000;

        private static boolean isParticleWord(String word) {
            return judged(PARTICLE_WORDS, word, false);
        }

        private static boolean isTitleWord(String word) {
            return judged(TITLE_WORDS, word, true);
        }

        private static boolean judged(Map<String, Boolean> memo, String word, boolean title) {
            Boolean known = memo.get(word);
            if (known == null) {
                known = title ? judgeTitleWord(word) : judgeParticleWord(word);
                if (memo.size() < JUDGED_LIMIT) {
                    memo.put(word, known);
                }
            }
            return known;
        }

        private static boolean judgeParticleWord(String word) {
            String form = GermanText.searchForm(word);
            return form != null && PersonNames.isParticle(form);
        }

        private static boolean judgeTitleWord(String word) {
            String form = GermanText.searchForm(word);
            if (form == null) {
                return false;
            }
            for (String token : de.grw.common.Words.splitAtBlanks(form)) {
                if (!PersonNames.isTitle(token)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Splits {@code "Hauptstr. 12a"} (or {@code "12 Main Street"}) into street and house number. */
    static final class StreetAddressSplitter implements Splitter {
        @Override
        public String name() {
            return "street_address";
        }

        @Override
        public String[] split(String cell, int targetCount) {
            String[] parts = Addresses.splitStreetAndNumber(cell);
            String[] out = new String[targetCount];
            out[0] = parts[0];
            if (targetCount > 1) {
                out[1] = parts[1];
            }
            return out;
        }

        @Override
        public boolean evidentlyCombined(String cell) {
            // a street without a digit holds no house number (the import asks this of every street)
            return cell != null && hasDigit(cell) && Addresses.splitStreetAndNumber(cell)[1] != null;
        }

        private static boolean hasDigit(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Splits a family name that carries the birth name after a marker, as German registers write married names:
     * {@code "Schmidt geb. Braun"} (also {@code geb}, {@code geborene}, {@code geborener}, {@code née}) into family
     * name {@code Schmidt} and birth name {@code Braun}.
     */
    static final class BirthNameSplitter implements Splitter {
        private static final java.util.Set<String> MARKERS = java.util.Set.of("geb", "geb.", "geborene", "geborener",
                "gebor.", "née", "nee");

        @Override
        public String name() {
            return "birth_name";
        }

        @Override
        public String[] split(String cell, int targetCount) {
            String[] out = new String[targetCount];
            if (cell == null) {
                return out;
            }
            String[] words = words(cell.trim());
            int marker = marker(words);
            if (marker < 0) {
                out[0] = cell.trim();
                return out;
            }
            String family = String.join(" ", java.util.Arrays.asList(words).subList(0, marker));
            String birth = String.join(" ", java.util.Arrays.asList(words).subList(marker + 1, words.length));
            out[0] = family.isEmpty() ? null : family;
            if (targetCount > 1) {
                out[1] = birth.isEmpty() ? null : birth;
            }
            return out;
        }

        @Override
        public boolean evidentlyCombined(String cell) {
            if (cell == null || !mayHoldMarker(cell)) {
                return false;
            }
            String[] words = words(cell.trim());
            int marker = marker(words);
            return marker > 0 && marker < words.length - 1;
        }

        /**
         * Whether the text holds {@code geb}, {@code nee} or {@code née} in any case: every marker does, so a text
         * without them is no combined name (the import asks this of every family name; splitting each into words
         * with a regular expression cost more than the rest of the row).
         */
        static boolean mayHoldMarker(String text) {
            // character by character rather than regionMatches ignoring case: the same answer for these letters (no
            // other character has g, e, b, n or é as its upper or lower case), and a tenth of the compiled code
            int n = text.length() - 2;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == 'g' || c == 'G') {
                    if (isE(text.charAt(i + 1)) && (text.charAt(i + 2) | 0x20) == 'b') {
                        return true;
                    }
                } else if (c == 'n' || c == 'N') {
                    char d = text.charAt(i + 1);
                    if ((isE(d) || d == '\u00e9' || d == '\u00c9') && isE(text.charAt(i + 2))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean isE(char c) {
            return c == 'e' || c == 'E';
        }

        private static int marker(String[] words) {
            for (int i = 0; i < words.length; i++) {
                if (MARKERS.contains(words[i].toLowerCase(java.util.Locale.ROOT))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
