package de.grw.review;

import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes each field of a golden record in one style, whichever record its value came from, so that an export does
 * not mix {@code m} and {@code männlich} or {@code MÜLLER} and {@code Müller}:
 * <ul>
 * <li>a code field normalised by {@code sex} holds the profile's canonical code ({@code m}, {@code w}, {@code d});</li>
 * <li>a name (type {@code NAME}) or a text of the {@code text} or {@code street} normaliser (places, streets) written
 * all in upper or all in lower case takes the spelling of another member with the same normalised value that is
 * written in mixed case (the most frequent; then the lowest record id); failing that it is
 * title-cased as German names and places are written: {@code VON DER HEYDE} becomes {@code von der Heyde},
 * {@code MÜLLER-LÜDENSCHEIDT} {@code Müller-Lüdenscheidt}, {@code FRANKFURT AM MAIN} {@code Frankfurt am Main},
 * {@code AM MARKT} {@code Am Markt}.</li>
 * </ul>
 * The origin stays the record the survivorship rules chose (its value, written in the field's style), so that an
 * address still comes from one record. Values typed by a clerk are kept as typed; every other field is left alone.
 */
final class GoldenStyle {
    /** Name particles written in lower case inside a name (and at its start for family names). */
    private static final Set<String> PARTICLES = Set.of("von", "vom", "zu", "zum", "zur", "und", "der", "den",
            "dem", "des", "van", "de", "di", "da", "du", "la", "le", "am", "an", "im", "in", "auf", "bei", "ob",
            "unter", "ten", "ter", "op");
    /** Particles that begin a family name in lower case ("von der Heyde"); others are capitalised at the start. */
    private static final Set<String> LEADING_NAME_PARTICLES = Set.of("von", "vom", "zu", "zum", "zur", "van", "de",
            "di", "da", "du", "ten", "ter", "op");
    private static final Set<String> CASED_NORMALISERS = Set.of("text", "street");

    private final MatchProfile profile;

    GoldenStyle(MatchProfile profile) {
        this.profile = profile;
    }

    /** The value as the golden record writes it: the field's style applied to a value taken from a member. */
    GoldenValue style(GoldenValue chosen, List<MemberRecord> members) {
        if (chosen.manual() || chosen.value() == null) {
            return chosen;
        }
        FieldSpec spec = profile.field(chosen.field()).orElse(null);
        if (spec == null) {
            return chosen;
        }
        if (spec.type() == FieldType.CODE && "sex".equals(spec.normaliser())) {
            String code = Normalisers.get("sex").normalise(chosen.value());
            return code == null ? chosen : new GoldenValue(chosen.field(), code, false, chosen.originRecord());
        }
        if (spec.type() != FieldType.NAME && !(spec.type() == FieldType.TEXT
                && CASED_NORMALISERS.contains(spec.normaliser()))) {
            return chosen;
        }
        if (!badlyCased(chosen.value())) {
            return chosen;
        }
        Normaliser n = Normalisers.get(spec.normaliser());
        String wanted = n.normalise(chosen.value());
        int index = profile.fieldIndex(chosen.field());
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Long> firstRecord = new HashMap<>();
        for (MemberRecord m : members) {
            String v = index < 0 || m.masked() ? null : m.values().get(index);
            if (v == null || badlyCased(v) || wanted == null || !wanted.equals(n.normalise(v))) {
                continue;
            }
            String spelled = v.strip();
            counts.merge(spelled, 1, Integer::sum);
            firstRecord.merge(spelled, m.id(), Math::min);
        }
        String best = null;
        for (String v : counts.keySet()) {
            if (best == null || counts.get(v) > counts.get(best)
                    || (counts.get(v).equals(counts.get(best)) && firstRecord.get(v) < firstRecord.get(best))) {
                best = v;
            }
        }
        if (best != null) {
            return new GoldenValue(chosen.field(), best, false, chosen.originRecord());
        }
        return new GoldenValue(chosen.field(), titleCase(chosen.value(), spec.type() == FieldType.NAME
                && "family_name".equals(spec.normaliser())), false, chosen.originRecord());
    }

    /** Written all in upper or all in lower case (at least two letters). */
    static boolean badlyCased(String value) {
        int letters = 0;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
            }
        }
        return letters >= 2 && upper != lower;
    }

    /**
     * Title case for German names and places: each word (between spaces, hyphens, slashes, brackets) capitalised,
     * particles in lower case inside the value, Roman numerals kept upper case, {@code O'Neill}.
     *
     * @param familyName whether a leading particle stays lower case ({@code von der Heyde})
     */
    static String titleCase(String value, boolean familyName) {
        String lower = value.strip().toLowerCase(Locale.GERMAN);
        StringBuilder out = new StringBuilder(lower.length());
        int i = 0;
        boolean first = true;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < lower.length() && (Character.isLetter(lower.charAt(end)) || lower.charAt(end) == '\'')) {
                end++;
            }
            String word = lower.substring(i, end);
            boolean afterSpace = i == 0 || lower.charAt(i - 1) == ' ';
            out.append(word(word, first, afterSpace, familyName));
            first = false;
            i = end;
        }
        return out.toString();
    }

    private static String word(String word, boolean first, boolean afterSpace, boolean familyName) {
        if (word.matches("(i{1,3}|iv|vi{0,3}|ix|xi{0,3})") && !first) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (afterSpace && PARTICLES.contains(word) && (!first || (familyName
                && LEADING_NAME_PARTICLES.contains(word)))) {
            return word;
        }
        int apostrophe = word.indexOf('\'');
        if (apostrophe == 1 && word.length() > 2) {
            return capitalise(word.substring(0, 2)) + capitalise(word.substring(2));
        }
        return capitalise(word);
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.GERMAN) + word.substring(1);
    }
}
