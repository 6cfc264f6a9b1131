package de.grw.synthetic;

import java.nio.charset.Charset;
import java.util.SplittableRandom;

/**
 * One of the three registers: its file layout, which of a person's data it stores, and how it spells them. An instance
 * also numbers the records of one run, so it is used for one generation only.
 */
abstract class SourceFormat {
    final String name;
    final Charset charset;
    final boolean byteOrderMark;
    final String lineEnd;
    final String header;

    SourceFormat(String name, Charset charset, boolean byteOrderMark, String lineEnd, String header) {
        this.name = name;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
        this.lineEnd = lineEnd;
        this.header = header;
    }

    String fileName() {
        return name + ".csv";
    }

    /** Probability that a record of a person who moved recently still shows the previous address. */
    abstract double previousAddressShare();

    /** Probability that a record of a person whose name changed by marriage still shows the birth name. */
    abstract double staleNameShare();

    /** Reduces a fresh record to the columns this source has and to the values it usually knows. */
    abstract void restrict(Rec rec, Person person, SplittableRandom r);

    /** The record's cells after the id, starting with the delimiter, in this source's spelling conventions. */
    abstract String cellsAfterId(Rec rec, SplittableRandom r);

    /** The next record id; ids increase, so they are unique within the source. */
    abstract String nextId(SplittableRandom r);

    // ------------------------------------------------------------------------------------------------ helpers

    static void cell(StringBuilder sb, char delimiter, String value) {
        sb.append(delimiter);
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (quote) {
            quoted(sb, value);
        } else {
            sb.append(value);
        }
    }

    static void quoted(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static void twoDigits(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    static void fourDigits(StringBuilder sb, int v) {
        if (v < 1000) {
            sb.append(v < 10 ? "000" : v < 100 ? "00" : "0");
        }
        sb.append(v);
    }

    /** dd.MM.yyyy, or d.M.yyyy when {@code shortForm}. */
    static String germanDate(Rec rec, boolean shortForm) {
        if (rec.dateMissing) {
            return "";
        }
        StringBuilder sb = new StringBuilder(10);
        if (shortForm) {
            sb.append(rec.day).append('.').append(rec.month).append('.');
        } else {
            twoDigits(sb, rec.day);
            sb.append('.');
            twoDigits(sb, rec.month);
            sb.append('.');
        }
        fourDigits(sb, rec.year);
        return sb.toString();
    }

    /** yyyy-MM-dd, or yyyyMMdd when {@code compact}. */
    static String isoDate(Rec rec, boolean compact) {
        if (rec.dateMissing) {
            return "";
        }
        StringBuilder sb = new StringBuilder(10);
        fourDigits(sb, rec.year);
        if (!compact) {
            sb.append('-');
        }
        twoDigits(sb, rec.month);
        if (!compact) {
            sb.append('-');
        }
        twoDigits(sb, rec.day);
        return sb.toString();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
