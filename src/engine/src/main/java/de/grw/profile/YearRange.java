package de.grw.profile;

import java.time.Year;

/**
 * The years a date field takes as plausible. Any year from 1 to the present is a possible year; a profile narrows
 * that to what its records can hold: persons alive today were born after 1900 ({@link #LIVING}, the default), a
 * register of historical persons takes the whole range. A year outside the range is reported and kept as unknown,
 * never guessed.
 *
 * @param from first plausible year, at least 1
 * @param to   last plausible year; 0: the present year
 */
public record YearRange(int from, int to) {
    /** Persons alive today (and their recent ancestors): 1900 to the present. */
    public static final YearRange LIVING = new YearRange(1900, 0);
    /** Every possible year: 1 to the present. */
    public static final YearRange ALL = new YearRange(1, 0);

    public YearRange {
        from = Math.max(1, from);
    }

    /** The last plausible year: {@link #to}, or the present year. */
    public int last() {
        return to > 0 ? to : Year.now().getValue();
    }

    public boolean contains(int year) {
        return year >= from && year <= last();
    }
}
