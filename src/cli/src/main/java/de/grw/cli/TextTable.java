package de.grw.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal: columns padded to their widest cell, cells cut at a maximum width. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int maxWidth;
    private boolean cutLast = true;

    /** @param maxWidth cells longer than this are cut and end in "…"; 0 for no limit */
    TextTable(int maxWidth) {
        this.maxWidth = maxWidth;
    }

    /** Leaves the last column whole (for a final column of explanations). */
    TextTable wholeLastColumn() {
        cutLast = false;
        return this;
    }

    TextTable row(List<String> cells) {
        return row(cells.toArray(new String[0]));
    }

    TextTable row(String... cells) {
        String[] copy = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].replace('\n', ' ').replace('\r', ' ');
            copy[i] = !cutLast && i == cells.length - 1 ? cell : cut(cell);
        }
        rows.add(copy);
        return this;
    }

    private String cut(String s) {
        if (maxWidth <= 0 || s.codePointCount(0, s.length()) <= maxWidth) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxWidth - 1)) + "…";
    }

    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                sb.append(r[i]);
                if (i < r.length - 1) {
                    sb.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length())));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
