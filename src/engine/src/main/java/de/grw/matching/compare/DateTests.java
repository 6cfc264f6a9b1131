package de.grw.matching.compare;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import java.util.Set;

/**
 * Level tests for dates normalised as eight digits {@code yyyymmdd}, where {@code 00} marks an unknown day or
 * month.
 */
final class DateTests {
    private DateTests() {
    }

    static void registerAll() {
        LevelTests.register("date_compatible", p -> new Compatible(p.string("field")));
        LevelTests.register("date_swap", p -> new DayMonthSwap(p.string("field")));
        LevelTests.register("date_year_month", p -> new YearMonth(p.string("field")));
        LevelTests.register("date_same_year", p -> new SameYear(p.string("field")));
        LevelTests.register("date_two_parts", p -> new TwoParts(p.string("field")));
        LevelTests.register("date_month_day", p -> new MonthDay(p.string("field")));
        LevelTests.register("date_year_day", p -> new YearDay(p.string("field")));
        LevelTests.register("date_years_within", p -> new YearsWithin(p.string("field"), p.integer("years", 1)));
    }

    /** Decoded date parts by value id: {@code [year, month, day]} packed as year * 10000 + month * 100 + day. */
    static int[] decode(PreparedField f) {
        int[] out = new int[f.distinctCount()];
        for (int i = 0; i < out.length; i++) {
            String v = f.valueOfId(i);
            int packed = -1;
            if (v.length() == 8) {
                try {
                    packed = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    packed = -1;
                }
            }
            out[i] = packed;
        }
        return out;
    }

    private abstract static class DateTest implements LevelTest {
        private static final long serialVersionUID = 1L;
        final String field;

        DateTest(String field) {
            this.field = field;
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            int[] dates = decode(f);
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                if (ia < 0 || ib < 0) {
                    return false;
                }
                int da = dates[ia];
                int db = dates[ib];
                return da >= 0 && db >= 0 && test(da / 10000, da / 100 % 100, da % 100, db / 10000, db / 100 % 100,
                        db % 100);
            };
        }

        abstract boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB);

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && ((DateTest) o).field.equals(field);
        }

        @Override
        public int hashCode() {
            return getClass().hashCode() * 31 + field.hashCode();
        }
    }

    /** One date is incomplete (unknown day or month) and the known parts agree. */
    static final class Compatible extends DateTest {
        private static final long serialVersionUID = 1L;

        Compatible(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_compatible";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            boolean incomplete = ya == 0 || yb == 0 || ma == 0 || mb == 0 || dayA == 0 || dayB == 0;
            return incomplete && (ya == 0 || yb == 0 || ya == yb) && (ma == 0 || mb == 0 || ma == mb)
                    && (dayA == 0 || dayB == 0 || dayA == dayB) && (ya == yb || (ma == mb && ma > 0));
        }
    }

    /** Same year, day and month exchanged (03.04. and 04.03.). */
    static final class DayMonthSwap extends DateTest {
        private static final long serialVersionUID = 1L;

        DayMonthSwap(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_swap";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            return ya == yb && ya > 0 && ma != dayA && ma == dayB && dayA == mb && ma > 0 && dayA > 0;
        }
    }

    /** Same year and month. */
    static final class YearMonth extends DateTest {
        private static final long serialVersionUID = 1L;

        YearMonth(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_year_month";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            return ya == yb && ya > 0 && ma == mb && ma > 0;
        }
    }

    /** Same year. */
    static final class SameYear extends DateTest {
        private static final long serialVersionUID = 1L;

        SameYear(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_same_year";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            return ya == yb && ya > 0;
        }
    }

    /** Two of year, month and day agree (one part mistyped or replaced, e.g. a wrong year). */
    static final class TwoParts extends DateTest {
        private static final long serialVersionUID = 1L;

        TwoParts(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_two_parts";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            int agree = (ya == yb && ya > 0 ? 1 : 0) + (ma == mb && ma > 0 ? 1 : 0) + (dayA == dayB && dayA > 0 ? 1 : 0);
            return agree >= 2;
        }
    }

    /** Same month and day, the year differs (a wrong year). */
    static final class MonthDay extends DateTest {
        private static final long serialVersionUID = 1L;

        MonthDay(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_month_day";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            return ma == mb && ma > 0 && dayA == dayB && dayA > 0;
        }
    }

    /** Same year and day, the month differs (a wrong month). */
    static final class YearDay extends DateTest {
        private static final long serialVersionUID = 1L;

        YearDay(String field) {
            super(field);
        }

        @Override
        public String name() {
            return "date_year_day";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            return ya == yb && ya > 0 && dayA == dayB && dayA > 0;
        }
    }

    /**
     * The birth years at most {@code years} apart, month and day left aside (a historical date known to the year in
     * one source, to the day in another, or a year misread by one).
     */
    static final class YearsWithin extends DateTest {
        private static final long serialVersionUID = 1L;
        private final int years;

        YearsWithin(String field, int years) {
            super(field);
            this.years = years;
        }

        @Override
        public String name() {
            return "date_years_within";
        }

        @Override
        boolean test(int ya, int ma, int dayA, int yb, int mb, int dayB) {
            return ya > 0 && yb > 0 && Math.abs(ya - yb) <= years;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && ((YearsWithin) o).years == years;
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + years;
        }
    }
}
