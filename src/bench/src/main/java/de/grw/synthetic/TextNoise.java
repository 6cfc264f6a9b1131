package de.grw.synthetic;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/** String-level noise and spelling conventions: typos, OCR confusions, umlaut handling, code-page folding. */
final class TextNoise {
    private TextNoise() {
    }

    // ------------------------------------------------------------------------------------------------ typos

    /** Neighbouring keys on a German QWERTZ keyboard, for lower-case letters. */
    private static final String[] QWERTZ = new String[128 + 0x80];

    static {
        String[][] rows = {
            {"q", "wa"}, {"w", "qesa"}, {"e", "wrds"}, {"r", "etfd"}, {"t", "rzgf"}, {"z", "tuhg"}, {"u", "zijh"},
            {"i", "uokj"}, {"o", "iplk"}, {"p", "oüöl"}, {"ü", "pöä"}, {"a", "qwsy"}, {"s", "adwexy"},
            {"d", "sfercx"}, {"f", "dgrtvc"}, {"g", "fhtzbv"}, {"h", "gjzunb"}, {"j", "hkuimn"}, {"k", "jliom"},
            {"l", "köop"}, {"ö", "läpü"}, {"ä", "öü"}, {"y", "asx"}, {"x", "ycsd"}, {"c", "xvdf"}, {"v", "cbfg"},
            {"b", "vngh"}, {"n", "bmhj"}, {"m", "njk"}, {"ß", "pü"},
        };
        for (String[] row : rows) {
            QWERTZ[row[0].charAt(0)] = row[1];
        }
    }

    private static String neighbours(char c) {
        char lower = Character.toLowerCase(c);
        return lower < QWERTZ.length ? QWERTZ[lower] : null;
    }

    /** Kind of a single-character typing error. */
    enum Typo { SUBSTITUTION, INSERTION, DELETION, TRANSPOSITION }

    /**
     * One typing error: neighbouring-key substitution 35%, insertion (doubled or neighbouring key) 20%, deletion 25%,
     * transposition of two adjacent letters 20%. The first letter is hit in only 10% of cases, as people rarely
     * mistype it. Returns the input unchanged if it is too short.
     */
    static String typo(String s, SplittableRandom r) {
        if (s == null || s.length() < 3) {
            return s;
        }
        double u = r.nextDouble();
        Typo kind = u < 0.35 ? Typo.SUBSTITUTION : u < 0.55 ? Typo.INSERTION : u < 0.80 ? Typo.DELETION
                : Typo.TRANSPOSITION;
        return typo(s, kind, r);
    }

    static String typo(String s, Typo kind, SplittableRandom r) {
        int pos = letterPosition(s, r);
        if (pos < 0) {
            return s;
        }
        char c = s.charAt(pos);
        StringBuilder sb = new StringBuilder(s);
        switch (kind) {
            case SUBSTITUTION -> {
                String n = neighbours(c);
                if (n == null) {
                    return typo(s, Typo.DELETION, r);
                }
                sb.setCharAt(pos, sameCase(n.charAt(r.nextInt(n.length())), c));
            }
            case INSERTION -> {
                String n = neighbours(c);
                char ins = n != null && r.nextBoolean() ? sameCase(n.charAt(r.nextInt(n.length())), c) : c;
                sb.insert(pos + 1, Character.isUpperCase(c) && pos == 0 ? Character.toLowerCase(ins) : ins);
            }
            case DELETION -> {
                sb.deleteCharAt(pos);
                if (pos == 0 && sb.length() > 0 && Character.isUpperCase(c)) {
                    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
                }
            }
            case TRANSPOSITION -> {
                int p = pos + 1 < s.length() && Character.isLetter(s.charAt(pos + 1)) ? pos : pos - 1;
                if (p < 0 || !Character.isLetter(s.charAt(p)) || s.charAt(p) == s.charAt(p + 1)) {
                    return typo(s, Typo.DELETION, r);
                }
                char a = s.charAt(p);
                char b = s.charAt(p + 1);
                if (p == 0 && Character.isUpperCase(a) && Character.isLowerCase(b)) {
                    sb.setCharAt(0, Character.toUpperCase(b));
                    sb.setCharAt(1, Character.toLowerCase(a));
                } else {
                    sb.setCharAt(p, b);
                    sb.setCharAt(p + 1, a);
                }
            }
            default -> throw new IllegalStateException();
        }
        return sb.toString();
    }

    /** A random letter position, the first letter only in 10% of cases; -1 if there is no letter. */
    private static int letterPosition(String s, SplittableRandom r) {
        int from = r.nextDouble() < 0.10 ? 0 : 1;
        for (int attempt = 0; attempt < 8; attempt++) {
            int pos = from + r.nextInt(s.length() - from);
            if (Character.isLetter(s.charAt(pos))) {
                return pos;
            }
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static char sameCase(char replacement, char original) {
        return Character.isUpperCase(original) ? Character.toUpperCase(replacement) : replacement;
    }

    // ------------------------------------------------------------------------------------------------ OCR

    /** Confusions of a scanner or of reading bad handwriting: {from, to}. */
    private static final String[][] OCR = {
        {"rn", "m"}, {"m", "rn"}, {"cl", "d"}, {"d", "cl"}, {"h", "b"}, {"b", "h"}, {"e", "c"}, {"c", "e"},
        {"l", "i"}, {"i", "l"}, {"ü", "ii"}, {"n", "ri"}, {"w", "vv"}, {"u", "n"}, {"n", "u"}, {"f", "t"},
        {"t", "f"}, {"I", "l"}, {"O", "0"}, {"S", "5"}, {"B", "8"}, {"ö", "o"}, {"a", "o"}, {"o", "a"},
    };

    /** One OCR-like confusion at a random applicable place, or the input unchanged if none applies. */
    static String ocr(String s, SplittableRandom r) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int start = r.nextInt(OCR.length);
        for (int k = 0; k < OCR.length; k++) {
            String[] pair = OCR[(start + k) % OCR.length];
            int idx = s.indexOf(pair[0], 1);
            if (idx < 0 && pair[0].charAt(0) == Character.toUpperCase(pair[0].charAt(0))) {
                idx = s.indexOf(pair[0]); // capital confusions happen at the start
            }
            if (idx >= 0) {
                int other = s.indexOf(pair[0], idx + 1);
                if (other > 0 && r.nextBoolean()) {
                    idx = other;
                }
                return s.substring(0, idx) + pair[1] + s.substring(idx + pair[0].length());
            }
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ umlauts

    static boolean hasUmlaut(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ("äöüÄÖÜ".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static boolean hasSharpS(String s) {
        return s != null && s.indexOf('ß') >= 0;
    }

    /** ä -> ae, Ü -> Ue (UE inside upper-case words), ß -> ss. */
    static String transliterate(String s) {
        if (s == null || !(hasUmlaut(s) || hasSharpS(s))) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean upperContext = i + 1 < s.length() ? Character.isUpperCase(s.charAt(i + 1))
                    : i > 0 && Character.isUpperCase(s.charAt(i - 1));
            switch (c) {
                case 'ä' -> sb.append("ae");
                case 'ö' -> sb.append("oe");
                case 'ü' -> sb.append("ue");
                case 'Ä' -> sb.append(upperContext ? "AE" : "Ae");
                case 'Ö' -> sb.append(upperContext ? "OE" : "Oe");
                case 'Ü' -> sb.append(upperContext ? "UE" : "Ue");
                case 'ß' -> sb.append("ss");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** ä -> a, Ü -> U (umlaut dots lost), ß -> ss. */
    static String dropUmlauts(String s) {
        if (s == null || !(hasUmlaut(s) || hasSharpS(s))) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ä' -> sb.append('a');
                case 'ö' -> sb.append('o');
                case 'ü' -> sb.append('u');
                case 'Ä' -> sb.append('A');
                case 'Ö' -> sb.append('O');
                case 'Ü' -> sb.append('U');
                case 'ß' -> sb.append("ss");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String sharpSToSs(String s) {
        return s == null ? null : s.replace("ß", "ss");
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------ code pages

    private static final int FOLD_RANGE = 0x300;
    private static final String[] FOLD_1252 = new String[FOLD_RANGE];
    private static final String[] FOLD_ASCII = new String[FOLD_RANGE];

    static {
        CharsetEncoder cp1252 = Charset.forName("windows-1252").newEncoder();
        for (int c = 0; c < FOLD_RANGE; c++) {
            String stripped = stripDiacritics((char) c);
            FOLD_1252[c] = cp1252.canEncode((char) c) ? null : stripped;
            FOLD_ASCII[c] = c < 0x80 ? null : stripped;
        }
    }

    private static String stripDiacritics(char c) {
        switch (c) {
            case 'ı': return "i";
            case 'ł': return "l";
            case 'Ł': return "L";
            case 'đ': return "d";
            case 'Đ': return "D";
            case 'ß': return "ss";
            case 'æ': return "ae";
            case 'Æ': return "AE";
            case 'ø': return "o";
            case 'Ø': return "O";
            default:
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                return d.isEmpty() || d.charAt(0) > 0x7F ? "?" : d;
        }
    }

    /**
     * Replaces characters Windows-1252 cannot hold by their base letter, as old systems do (Yılmaz -> Yilmaz,
     * Łukasz -> Lukasz, Kovačević -> Kovacevic); German umlauts and ß survive.
     */
    static String foldToCp1252(String s) {
        return fold(s, FOLD_1252);
    }

    /** Folds other accented letters to ASCII (é -> e, ş -> s); call after umlaut handling. */
    static String foldToAscii(String s) {
        return fold(s, FOLD_ASCII);
    }

    private static String fold(String s, String[] table) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = c < FOLD_RANGE ? table[c] : (c > 0x7F && table == FOLD_ASCII ? "?" : null);
            if (replacement != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 2).append(s, 0, i);
                }
                sb.append(replacement);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ streets

    /** True if the street name ends in a form of "Straße" that clerks abbreviate or respell. */
    static boolean hasStreetWord(String street) {
        return street != null && streetWordStart(street) >= 0;
    }

    private static final String[] STREET_WORDS = {"straße", "Straße", "strasse", "Strasse", "str.", "Str.", "str",
        "Str", "STRASSE", "STR."};

    private static int streetWordStart(String street) {
        for (String w : STREET_WORDS) {
            if (street.endsWith(w)) {
                return street.length() - w.length();
            }
        }
        return -1;
    }

    /**
     * Respells the street word: Hauptstraße -> Hauptstr. / Hauptstrasse / Hauptstr, Berliner Straße -> Berliner Str. /
     * Berlinerstraße / Berliner Strasse. {@code style}: 0 = "str.", 1 = "strasse", 2 = "str" without dot,
     * 3 = joined or split word, 4 = "Straße".
     */
    static String respellStreet(String street, int style) {
        int at = streetWordStart(street);
        if (at < 0) {
            return street;
        }
        String stem = street.substring(0, at);
        boolean separate = stem.endsWith(" ") || stem.endsWith("-");
        boolean capital = Character.isUpperCase(street.charAt(at));
        switch (style) {
            case 0:
                return stem + (capital ? "Str." : "str.");
            case 1:
                return stem + (capital ? "Strasse" : "strasse");
            case 2:
                return stem + (capital ? "Str" : "str");
            case 3:
                if (separate && stem.endsWith(" ")) {
                    return stem.substring(0, stem.length() - 1) + "straße"; // Berliner Straße -> Berlinerstraße
                }
                if (!separate && stem.length() > 2) {
                    return stem + " Straße"; // Hauptstraße -> Haupt Straße (rare but seen)
                }
                return stem + (capital ? "Straße" : "straße");
            default:
                return stem + (capital ? "Straße" : "straße");
        }
    }

    /** The usual office abbreviation: Hauptstraße -> Hauptstr., Berliner Straße -> Berliner Str. */
    static String abbreviateStreet(String street) {
        return respellStreet(street, 0);
    }
}
