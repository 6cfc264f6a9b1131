package de.grw.ui.review;

import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.MatchProfile;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * At which grain a record's value differs from the golden value it is compared with in the side-by-side grid:
 * <ul>
 *   <li>{@link #SAME}: the same text;</li>
 *   <li>{@link #WRITTEN_DIFFERENTLY}: the same after the field's normaliser, the very one matching uses for that
 *       field (the engine's {@link Normalisers} registry, named in the profile), or differing in upper and lower case
 *       only: {@code m} / {@code männlich}, {@code Köln} / {@code Koeln}, {@code MÜLLER} / {@code Müller}. No
 *       conflict: shown in a style of its own, with a tooltip saying so;</li>
 *   <li>{@link #NEAR}: different but near (a typo: Meier / Meyer, 12.03.1985 / 13.03.1985, Marx / Mxr): the
 *       Jaro-Winkler similarity of the two texts (lower case) is at least {@link #NEAR_CUT}, or, for texts of three
 *       characters or more, at most two characters are typed, dropped or replaced and at most half the longer text
 *       (Levenshtein distance; Jaro-Winkler is hard on short names: Marx / Mxr 0.75, Ute / Uwe 0.80); the characters
 *       that differ are highlighted;</li>
 *   <li>{@link #UNRELATED}: different and not near (Burgweg / POSTSTRASSE): the whole value is marked, a
 *       character-level highlighting would only show noise.</li>
 * </ul>
 * A value without a golden value to compare with is {@link #UNRELATED}; an absent value has no grain ({@code null}).
 */
public enum ValueGrain {
    SAME, WRITTEN_DIFFERENTLY, NEAR, UNRELATED;

    /**
     * The Jaro-Winkler similarity from which two different texts count as near (a typo). 0.85 takes in one or two
     * typed, dropped or swapped characters in a name or a date (Meier/Meyer 0.89, Schmidt/Schmitt 0.94,
     * 12.03.1985/13.03.1985 0.89, measured with Commons Text 1.15 in lower case) and leaves out unrelated values
     * (Burgweg/POSTSTRASSE 0.41, Anna/Berta 0.48, Max/Mia 0.56).
     */
    public static final double NEAR_CUT = 0.85;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

    /** The grain of {@code value} against {@code reference} for a profile field (the field's normaliser). */
    public static ValueGrain of(MatchProfile profile, String field, String reference, String value) {
        Normaliser normaliser = profile.field(field).map(f -> Normalisers.get(f.normaliser())).orElse(null);
        return of(normaliser, reference, value);
    }

    /** The grain of {@code value} against {@code reference} with a normaliser ({@code null}: none). */
    public static ValueGrain of(Normaliser normaliser, String reference, String value) {
        if (value == null) {
            return null;
        }
        if (reference == null || reference.isEmpty()) {
            return UNRELATED;
        }
        if (reference.equals(value)) {
            return SAME;
        }
        if (reference.equalsIgnoreCase(value) || normaliser != null && sameAfter(normaliser, reference, value)) {
            return WRITTEN_DIFFERENTLY;
        }
        return near(reference, value) ? NEAR : UNRELATED;
    }

    /** Whether two different texts are near: a typo apart (see {@link #NEAR}). */
    static boolean near(String a, String b) {
        if (similarity(a, b) >= NEAR_CUT) {
            return true;
        }
        int distance = LEVENSHTEIN.apply(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
        // -1: more than two edits apart
        return Math.min(a.length(), b.length()) >= 3 && distance >= 0 && distance <= Math.max(a.length(),
                b.length()) / 2;
    }

    /** Jaro-Winkler similarity of the two texts in lower case. */
    public static double similarity(String a, String b) {
        return JARO_WINKLER.apply(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }

    private static boolean sameAfter(Normaliser normaliser, String a, String b) {
        String na = normaliser.normalise(a);
        String nb = normaliser.normalise(b);
        return na != null && !na.isEmpty() && Objects.equals(na, nb);
    }
}
