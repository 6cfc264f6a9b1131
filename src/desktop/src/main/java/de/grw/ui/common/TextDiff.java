package de.grw.ui.common;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.diff.CommandVisitor;
import org.apache.commons.text.diff.StringsComparator;

/**
 * Which characters of a value differ from a reference value, for the highlighting of the side-by-side view. Upper
 * and lower case count as the same character: registers disagree on case all the time, and matching ignores it.
 * <p>
 * The alignment is Commons Text's {@link StringsComparator} (Myers' O(ND) difference algorithm, linear space) over
 * the two texts with each character lower-cased on its own (so positions stay as they are). It replaced a
 * hand-rolled longest-common-subsequence table (O(N·M) time and space). Measured side by side on this (shared,
 * noisy) machine over 100,000 pairs of values from the sample registers with up to three random edits: the
 * library took 0.8 to 2.0 µs per pair, the table 1.2 to 3.9 µs (five rounds each); both found the same number of
 * matching characters in every pair, and the very same highlighting in 98.3 % of them (the rest are ties between
 * equally long alignments, broken differently). So the maintained library it is; a cap remains only for time on
 * long, wholly different texts.
 */
public final class TextDiff {
    /** Longer texts are not aligned (a wholly different pair costs time in the product of the lengths). */
    private static final int MAX = 1000;

    private TextDiff() {
    }

    /** A run of characters that is the same as in the reference or differs from it. */
    public record Segment(String text, boolean same) {
    }

    /** The value split into runs that match the reference and runs that differ (case does not count). */
    public static List<Segment> segments(String reference, String value) {
        List<Segment> out = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        if (reference == null || reference.isEmpty()) {
            out.add(new Segment(value, false));
            return out;
        }
        if (reference.equalsIgnoreCase(value)) {
            out.add(new Segment(value, true));
            return out;
        }
        if (reference.length() > MAX || value.length() > MAX) {
            out.add(new Segment(value, false));
            return out;
        }
        boolean[] same = new boolean[value.length()];
        new StringsComparator(lower(reference), lower(value)).getScript().visit(new CommandVisitor<>() {
            private int at;

            @Override
            public void visitKeepCommand(Character c) {
                same[at++] = true;
            }

            @Override
            public void visitInsertCommand(Character c) {
                at++;
            }

            @Override
            public void visitDeleteCommand(Character c) {
                // a character of the reference the value lacks: nothing to mark in the value
            }
        });
        StringBuilder run = new StringBuilder();
        boolean runSame = same[0];
        for (int k = 0; k < value.length(); k++) {
            if (same[k] != runSame) {
                out.add(new Segment(run.toString(), runSame));
                run.setLength(0);
                runSame = same[k];
            }
            run.append(value.charAt(k));
        }
        out.add(new Segment(run.toString(), runSame));
        return out;
    }

    /** Each character lower-cased on its own: the same length, so positions carry over. */
    private static String lower(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
