package de.grw.users;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Account names and persons as compared: two names whose keys are equal look alike and cannot both exist
 * ({@code bernd}, {@code Bernd}, {@code bernd.}, {@code ｂｅｒｎｄ}, {@code bemd}, {@code bernd_} are one name).
 * <p>
 * The key is the name in Unicode NFKC (full-width and other compatibility forms become their plain letters),
 * lower-cased, without leading or trailing dots, spaces, hyphens and underscores, with runs of separators
 * ({@code . _ -}) read as one dot, and the letters that look alike in common fonts read as one: {@code 0}/{@code o},
 * {@code 1}/{@code l}/{@code i}/{@code |}, {@code 5}/{@code s}, {@code rn}/{@code m}, {@code vv}/{@code w}.
 */
public final class AccountNames {
    private AccountNames() {
    }

    /** The name as stored: NFKC and without surrounding white space (the pattern check follows). */
    static String clean(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
    }

    /** The look-alike key of an account name. */
    public static String key(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '0' -> b.append('o');
                case '1', 'i', '|', '!', 'ı' -> b.append('l');
                case '5' -> b.append('s');
                case '_', '-', '.', ' ', '\t' -> b.append('.');
                default -> b.append(ch);
            }
        }
        String k = b.toString().replace("rn", "m").replace("vv", "w").replaceAll("\\.{2,}", ".");
        int from = 0;
        int to = k.length();
        while (from < to && k.charAt(from) == '.') {
            from++;
        }
        while (to > from && k.charAt(to - 1) == '.') {
            to--;
        }
        return k.substring(from, to);
    }

    /**
     * A person as stored: a personnel number or directory identity in NFKC, lower-cased, without white space,
     * invisible format characters (zero-width space, soft hyphen, direction marks), dashes of any kind and
     * underscores ({@code P-4711}, {@code P 4711}, {@code p4711} and P-4711 with the hyphen U+2010 are one person).
     */
    public static String person(String person) {
        return Normalizer.normalize(person == null ? "" : person, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Z}\\p{Cf}\\p{Pd}_\\u2212]+", "");
    }

    /**
     * The key two persons are compared by: their letters and digits only, so that no separator ({@code P.4711},
     * {@code P/4711}) makes another person of one, and persons stored before a separator was dropped still compare
     * equal to the same person written today.
     */
    public static String personKey(String person) {
        StringBuilder b = new StringBuilder();
        person(person).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Whether two persons, as stored or as typed, are one. */
    public static boolean samePerson(String a, String b) {
        return personKey(a).equals(personKey(b));
    }

    /** Whether a typed person uses only Latin letters and digits besides separators (no look-alike of another script). */
    static boolean latin(String person) {
        return person(person).codePoints().filter(Character::isLetter)
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }
}
