package de.grw.importing.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter of a CSV text from its first records.
 *
 * <p>An Excel hint line {@code sep=X} at the very start names the delimiter. Otherwise, for each candidate ({@code ; , TAB |}, in this order of preference for ties) the sample is split into records
 * the way {@link CsvParser} would (quotes respected, blank lines skipped) and the field counts are compared with the
 * header's. A candidate needs at least two header fields. The winner is, in this order: a candidate whose records
 * mostly (90 %) agree with the header, then the one with more header fields, then the more consistent one. With no
 * candidate, the file has a single column, and the delimiter that splits the fewest of its records is reported.
 */
final class CsvDialectSniffer {
    static final char[] CANDIDATES = {';', ',', '\t', '|'};
    static final int SAMPLE_CHARS = 1 << 16;
    private static final int MAX_RECORDS = 100;

    private CsvDialectSniffer() {
    }

    /**
     * @param sample   the beginning of the text
     * @param complete whether the sample is the whole text (otherwise its last, possibly cut record is ignored)
     */
    static char sniff(String sample, boolean complete) {
        char directive = sepDirective(sample);
        if (directive != 0) {
            return directive;
        }
        char best = 0;
        boolean bestMostly = false;
        int bestHeader = 0;
        double bestConsistency = -1;
        for (char d : CANDIDATES) {
            List<Integer> counts = fieldCounts(sample, d, complete);
            if (counts.isEmpty() || counts.get(0) < 2) {
                continue;
            }
            int header = counts.get(0);
            long agreeing = counts.stream().filter(c -> c == header).count();
            double consistency = agreeing / (double) counts.size();
            boolean mostly = consistency >= 0.9;
            boolean better;
            if (best == 0) {
                better = true;
            } else if (mostly != bestMostly) {
                better = mostly;
            } else if (header != bestHeader) {
                better = header > bestHeader;
            } else {
                better = consistency > bestConsistency;
            }
            if (better) {
                best = d;
                bestMostly = mostly;
                bestHeader = header;
                bestConsistency = consistency;
            }
        }
        return best != 0 ? best : singleColumn(sample, complete);
    }

    /**
     * The delimiter named by an Excel {@code sep=;} first line, or 0 if the text does not start with one.
     * {@link CsvReader} skips that line.
     */
    static char sepDirective(String text) {
        if (text.length() < 5 || !text.regionMatches(true, 0, "sep=", 0, 4)) {
            return 0;
        }
        char d = text.charAt(4);
        boolean alone = text.length() == 5 || text.charAt(5) == '\n' || text.charAt(5) == '\r';
        return alone && d != '"' && d != '\n' && d != '\r' ? d : 0;
    }

    /** No candidate splits the header: the delimiter that splits the fewest records, ties by preference. */
    private static char singleColumn(String sample, boolean complete) {
        char best = ',';
        long bestSplit = Long.MAX_VALUE;
        for (char d : CANDIDATES) {
            long split = fieldCounts(sample, d, complete).stream().filter(c -> c > 1).count();
            if (split < bestSplit) {
                best = d;
                bestSplit = split;
            }
        }
        return best;
    }

    /** Field counts of the sample's non-blank records, the first being the header. */
    static List<Integer> fieldCounts(String s, char d, boolean complete) {
        List<Integer> counts = new ArrayList<>();
        int fields = 1;
        boolean fieldStart = true;
        boolean inQuotes = false;
        boolean blankLine = true;
        int n = s.length();
        for (int i = 0; i < n && counts.size() < MAX_RECORDS; i++) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == d) {
                fields++;
                fieldStart = true;
                blankLine = false;
            } else if (c == '\n' || c == '\r') {
                if (!blankLine) {
                    counts.add(fields);
                }
                fields = 1;
                fieldStart = true;
                blankLine = true;
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
                blankLine = false;
            } else if (c != ' ' && c != '\t') {
                fieldStart = false;
                blankLine = false;
            }
        }
        if (complete && !blankLine && !inQuotes && counts.size() < MAX_RECORDS) {
            counts.add(fields);
        }
        return counts;
    }
}
