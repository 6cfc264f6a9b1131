package de.grw.matching.compare;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import java.util.Set;

/** Level tests on the blank-separated parts of a value (several given names, double names). */
final class TokenTests {
    private TokenTests() {
    }

    static void registerAll() {
        LevelTests.register("token_damerau", p -> new TokenDamerau(p.string("field"), p.integer("minLength", 4),
                p.integer("max", 1)));
        LevelTests.register("first_token", p -> new FirstToken(p.string("field")));
    }

    /** The first parts of the values are the same: the outward code of a UK postcode ({@code tq13 8df}). */
    record FirstToken(String field) implements LevelTest {
        @Override
        public String name() {
            return "first_token";
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            String[][] tokens = f.tokens();
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                return ia >= 0 && ib >= 0 && (ia == ib || tokens[ia][0].equals(tokens[ib][0]));
            };
        }
    }

    /**
     * Some part of one value is at most {@code max} edits from some part of the other, both parts at least
     * {@code minLength} characters long: {@code Thomas-Wolfgang} against {@code THPMAS}, {@code Jürgen Hermann}
     * against {@code JURGEN} (an umlaut lost in a register that keeps only the first given name).
     */
    record TokenDamerau(String field, int minLength, int max) implements LevelTest {
        @Override
        public String name() {
            return "token_damerau";
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            String[][] tokens = f.tokens();
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                if (ia < 0 || ib < 0) {
                    return false;
                }
                for (String x : tokens[ia]) {
                    if (x.length() < minLength) {
                        continue;
                    }
                    for (String y : tokens[ib]) {
                        if (y.length() >= minLength && Math.abs(x.length() - y.length()) <= max
                                && StringSimilarity.damerauAtMost(x, y, max)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
    }
}
