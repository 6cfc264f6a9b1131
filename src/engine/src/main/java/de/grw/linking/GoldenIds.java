package de.grw.linking;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The golden record each record of a link index belongs to, compact: the workspace names golden records
 * {@code G-000123} ({@code GoldenRepository}), so a built record's golden record is kept as its number in an int
 * array by record index (4 bytes a record, instead of some 90 of a map entry with a boxed key and a string: at ten
 * million golden records about 40 MB instead of about 1 GB). A name of another form, or a record the index was not
 * built with (one stored since), goes to a map. Safe for concurrent readers and writers (a reader sees a record's
 * old or new golden record).
 */
final class GoldenIds {
    private static final int NONE = -1;
    /** Above this the number is not kept in an int (never, in practice). */
    private static final int MAX_NUMBER = Integer.MAX_VALUE - 1;

    private final long[] recordIds;
    private final AtomicIntegerArray numbers;
    private final Map<Long, String> others = new ConcurrentHashMap<>();

    /** @param recordIds the built records' database ids, ascending (the index holds them, not copied) */
    GoldenIds(long[] recordIds) {
        this.recordIds = recordIds;
        this.numbers = new AtomicIntegerArray(recordIds.length);
        for (int i = 0; i < recordIds.length; i++) {
            numbers.lazySet(i, NONE);
        }
    }

    void assign(long recordId, String golden) {
        int index = Arrays.binarySearch(recordIds, recordId);
        int number = golden == null ? NONE : numberOf(golden);
        if (index >= 0 && (golden == null || number != NONE)) {
            numbers.set(index, number);
            others.remove(recordId);
        } else if (golden == null) {
            others.remove(recordId);
        } else {
            if (index >= 0) {
                numbers.set(index, NONE);
            }
            others.put(recordId, golden);
        }
    }

    String of(long recordId) {
        int index = Arrays.binarySearch(recordIds, recordId);
        if (index >= 0) {
            int number = numbers.get(index);
            if (number != NONE) {
                return nameOf(number);
            }
        }
        return others.isEmpty() ? null : others.get(recordId);
    }

    /** The number of a name {@code G-} and at least six digits that {@link #nameOf} gives back exactly, else -1. */
    static int numberOf(String golden) {
        int n = golden.length();
        if (n < 8 || n > 12 || golden.charAt(0) != 'G' || golden.charAt(1) != '-') {
            return NONE;
        }
        long number = 0;
        for (int i = 2; i < n; i++) {
            char c = golden.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            number = number * 10 + (c - '0');
        }
        if (number > MAX_NUMBER || !nameOf((int) number).equals(golden)) {
            return NONE; // a leading zero beyond the six places, or too large
        }
        return (int) number;
    }

    /** The name of a golden record by number, as the workspace forms it. */
    static String nameOf(int number) {
        String digits = Integer.toString(number);
        if (digits.length() >= 6) {
            return "G-" + digits;
        }
        return "G-" + "000000".substring(digits.length()) + digits;
    }
}
