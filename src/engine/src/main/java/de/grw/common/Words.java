package de.grw.common;

import java.util.Arrays;

/** Splitting texts into words without {@link String#split}. */
public final class Words {
    private Words() {
    }

    /**
     * The parts of a text between its blanks ({@code ' '}), exactly as {@code text.split(" ")} gives them: every
     * blank separates (two in a row leave an empty part between them), trailing empty parts are dropped, a text
     * without a blank is its own single part. By hand because the normalising, blocking and name splitting call it for
     * each distinct value, and {@link String#split} (a general method behind its one-character fast path: a list,
     * its sublist, their arrays) was compiled by C2 four times over in a million-record run, about 27 KB each.
     */
    public static String[] splitAtBlanks(String text) {
        int n = text.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == ' ') {
                count++;
            }
        }
        if (count == 1) {
            return new String[] {text};
        }
        String[] parts = new String[count];
        int k = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == ' ') {
                parts[k++] = text.substring(start, i);
                start = i + 1;
            }
        }
        parts[k] = text.substring(start);
        int size = count;
        while (size > 0 && parts[size - 1].isEmpty()) {
            size--;
        }
        return size == count ? parts : Arrays.copyOf(parts, size);
    }
}
