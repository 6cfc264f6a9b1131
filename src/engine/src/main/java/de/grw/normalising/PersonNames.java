package de.grw.normalising;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** German-aware handling of person names: academic titles, name particles, double names. */
public final class PersonNames {
    /** Tokens of academic titles (in search form) that may precede a name. */
    static final Set<String> TITLE_TOKENS = Set.of("dr", "prof", "professor", "dipl", "ing", "med", "dent", "vet",
            "rer", "nat", "phil", "jur", "habil", "mag", "univ", "hc", "pd", "doz", "oec", "pol", "soc", "theol",
            "paed", "mult", "sc", "techn", "kfm", "kffr", "betriebsw");
    /** Name particles and nobility words that registers write inconsistently. */
    static final Set<String> PARTICLES = Set.of("von", "vom", "van", "zu", "zum", "zur", "de", "der", "den", "del",
            "della", "di", "da", "dos", "das", "du", "la", "le", "ten", "ter", "te", "op", "auf", "y", "freiherr",
            "freifrau", "freiin", "graf", "graefin", "prinz", "prinzessin", "edler", "edle", "ritter", "baron",
            "baronin", "herzog", "herzogin", "fuerst", "fuerstin");

    private PersonNames() {
    }

    /** Search-form tokens of a name with leading academic titles removed. */
    public static List<String> tokensWithoutTitles(String name) {
        String form = GermanText.searchForm(name);
        if (form == null) {
            return List.of();
        }
        String[] tokens = de.grw.common.Words.splitAtBlanks(form);
        int start = 0;
        while (start < tokens.length - 1 && isTitleToken(tokens, start)) {
            start++;
        }
        List<String> out = new ArrayList<>(tokens.length - start);
        for (int i = start; i < tokens.length; i++) {
            out.add(tokens[i]);
        }
        return out;
    }

    private static boolean isTitleToken(String[] tokens, int i) {
        String t = tokens[i];
        if (TITLE_TOKENS.contains(t)) {
            return true;
        }
        // "Dr. h. c." gives the tokens dr h c
        return (t.equals("h") || t.equals("c")) && i > 0 && isTitleToken(tokens, i - 1);
    }

    /** Words that mark a birth name ("geb. Braun"): left out of the comparable form of a name they lead. */
    static final Set<String> BIRTH_NAME_MARKERS = Set.of("geb", "geborene", "geborener", "gebor", "nee");

    /**
     * The core of a family name: search form without titles, particles and a leading birth-name marker
     * ("Dr. von der Heide" -> "heide", "geb. Braun" -> "braun").
     */
    public static String familyNameCore(String name) {
        List<String> tokens = new ArrayList<>(tokensWithoutTitles(name));
        while (tokens.size() > 1 && BIRTH_NAME_MARKERS.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        List<String> core = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (!PARTICLES.contains(t)) {
                core.add(t);
            }
        }
        if (core.isEmpty()) {
            core = tokens;
        }
        return core.isEmpty() ? null : String.join(" ", core);
    }

    /** Given names in search form without titles ("Karl-Heinz" -> "karl heinz"). */
    public static String givenNames(String name) {
        List<String> tokens = tokensWithoutTitles(name);
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /** Whether a token (search form) is a name particle or nobility word ("von", "van", "zu", "Freiherr"). */
    public static boolean isParticle(String token) {
        return PARTICLES.contains(token);
    }

    /** Whether a token (search form) is an academic title word. */
    public static boolean isTitle(String token) {
        return TITLE_TOKENS.contains(token);
    }
}
