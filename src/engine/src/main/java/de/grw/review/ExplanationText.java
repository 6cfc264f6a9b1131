package de.grw.review;

import de.grw.common.Text;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of an explanation line, the same in every front end: the review screen shows them in German or English,
 * the command line in English. A line is one of
 * <ul>
 *   <li>a comparison weighed against two people taken at random: {@code Vornamen: gleich},</li>
 *   <li>a comparison weighed against two people of one household (the model's household classes):
 *       {@code gleicher Haushalt: Vornamen verschieden},</li>
 *   <li>a direct contradiction that refused the link whatever the weight:
 *       {@code Widerspruch: zwei gültige Steuer-IDs}; it carries no weight ({@link #refused}).</li>
 * </ul>
 * Comparison names, level labels and household classes come from the profile; the shipped profiles' words are in the
 * engine's bundles ({@code explanation.cmp.*}, {@code explanation.level.*}, {@code explanation.versus.*}, checked by
 * {@code TextsBundleTest}); a custom profile's own names are shown as they are, underscores as blanks.
 */
public final class ExplanationText {
    /** Comparison name of a contradiction line (see {@code MatchResult.CONTRADICTION}). */
    public static final String CONTRADICTION = "contradiction";
    /** What a line is weighed against when it is no household class. */
    public static final String OTHERS = "others";

    private ExplanationText() {
    }

    /**
     * The words of one line, without its weight.
     *
     * @param comparison comparison name ({@code given_names}, {@code contradiction}, ...)
     * @param level      level label ({@code else}, {@code one_typo}, a contradiction rule's label, ...)
     * @param versus     {@code others} or a household class ({@code household}, {@code twins})
     */
    public static String describe(String comparison, String level, String versus, Locale locale) {
        String cmp = word("explanation.cmp.", comparison, locale);
        String lvl = level(level, locale);
        if (!withinHousehold(comparison, versus)) {
            return Text.of("explanation.line", cmp, lvl).in(locale);
        }
        return Text.of("explanation.line_within", versus(versus, locale), cmp, lvl).in(locale);
    }

    /**
     * The line's first part, for a table: the comparison, against a household class with it
     * ({@code gleicher Haushalt: Vornamen}, {@code Vornamen}).
     */
    public static String comparison(String comparison, String versus, Locale locale) {
        String cmp = word("explanation.cmp.", comparison, locale);
        return withinHousehold(comparison, versus)
                ? Text.of("explanation.line", versus(versus, locale), cmp).in(locale) : cmp;
    }

    /** A level's words ({@code verschieden}, {@code ein Tippfehler}, {@code zwei gültige Steuer-IDs}). */
    public static String level(String level, Locale locale) {
        return word("explanation.level.", level, locale);
    }

    /** A household class's words ({@code gleicher Haushalt}, {@code Zwillinge}). */
    public static String versus(String versus, Locale locale) {
        return word("explanation.versus.", versus, locale);
    }

    private static boolean withinHousehold(String comparison, String versus) {
        return versus != null && !versus.isEmpty() && !OTHERS.equals(versus) && !isContradiction(comparison);
    }

    /** Whether the line is a direct contradiction (it has no weight: the link was refused outright). */
    public static boolean isContradiction(String comparison) {
        return CONTRADICTION.equals(comparison);
    }

    /** What a contradiction line shows in place of a weight. */
    public static String refused(Locale locale) {
        return Text.of("explanation.refused").in(locale);
    }

    /**
     * A weight as the clerk reads it: one decimal, always signed, a real minus sign (−9,3 in German, −9.3 in English).
     */
    public static String weight(double bits, Locale locale) {
        return String.format(locale, "%+.1f", bits).replace('-', '\u2212');
    }

    private static String word(String prefix, String name, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(Text.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(prefix + name);
        } catch (MissingResourceException e) {
            return name.replace('_', ' ');
        }
    }

    /**
     * Parses a stored explanation into (comparison, level, weight, versus) rows; {@code versus} names what the pair
     * is weighed against: {@code others} (two people taken at random) or a household class ({@code household},
     * {@code twins}).
     */
    public static java.util.List<String[]> rows(String json) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode n = de.grw.journal.CanonicalJson.parse(json);
        n.path("comparisons").forEach(e -> out.add(new String[] {e.path("comparison").asText(),
            e.path("level").asText(), e.path("weight").asText(), e.path("versus").asText(OTHERS)}));
        return out;
    }
}
