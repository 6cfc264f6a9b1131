package de.grw.normalising;

import java.text.Normalizer;

/**
 * The search form of a text in the spirit of DIN 91379: lower case, German umlauts written out (ä = ae, ö = oe,
 * ü = ue, ß = ss), other Latin letters with diacritics reduced to their base letter, punctuation turned into blanks,
 * blanks collapsed. {@code "Müller-Lüdenscheidt"} and {@code "MUELLER LUEDENSCHEIDT"} both become
 * {@code "mueller luedenscheidt"}.
 */
public final class GermanText {
    private GermanText() {
    }

    /** The search form, or {@code null} when nothing but blanks and punctuation is left. */
    public static String searchForm(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (!isPlainAscii(s)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        StringBuilder out = new StringBuilder(s.length() + 4);
        boolean pendingBlank = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = null;
            char simple;
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    simple = (char) (c + 32);
                } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    simple = c;
                } else {
                    simple = 0; // blank or punctuation
                }
            } else {
                replacement = foldNonAscii(c);
                simple = 0;
                if (replacement == null) {
                    continue; // combining mark or symbol without letter value
                }
                if (replacement.isEmpty()) {
                    replacement = null; // treat as separator
                }
            }
            if (simple == 0 && replacement == null) {
                pendingBlank = out.length() > 0;
                continue;
            }
            if (pendingBlank) {
                out.append(' ');
                pendingBlank = false;
            }
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.append(simple);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The search form without blanks: {@code "Karl Heinz"} and {@code "Karl-Heinz"} become {@code "karlheinz"}. */
    public static String compact(String text) {
        String f = searchForm(text);
        return f == null ? null : f.replace(" ", "");
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds one non-ASCII character: returns its lower-case ASCII spelling, {@code ""} for separators, or
     * {@code null} for characters to drop (combining marks).
     */
    static String foldNonAscii(char c) {
        switch (c) {
            case 'ä': case 'Ä': case 'æ': case 'Æ':
                return "ae";
            case 'ö': case 'Ö': case 'œ': case 'Œ':
                return "oe";
            case 'ü': case 'Ü':
                return "ue";
            case 'ß': case 'ẞ':
                return "ss";
            case 'ø': case 'Ø':
                return "o";
            case 'ł': case 'Ł':
                return "l";
            case 'đ': case 'Đ': case 'ð': case 'Ð':
                return "d";
            case 'ı':
                return "i";
            case 'ħ': case 'Ħ':
                return "h";
            case 'þ': case 'Þ':
                return "th";
            case '\u00a0': case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014':
            case '\u2018': case '\u2019': case '\u201a': case '\u201c': case '\u201d': case '\u201e':
            case '\u00b4': case '\u0060': case '\u00b7':
                return "";
            default:
                break;
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return null;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(2);
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (d < 128) {
                if (Character.isLetterOrDigit(d)) {
                    base.append(Character.toLowerCase(d));
                }
            } else if (Character.isLetter(d)) {
                base.append(Character.toLowerCase(d)); // non-Latin script letters stay as they are
            }
        }
        return base.length() == 0 ? (Character.isLetterOrDigit(c) ? String.valueOf(c) : "") : base.toString();
    }
}
