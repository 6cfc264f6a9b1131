package de.grw.matching.compare;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.SimilarityMemo;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The registry of level tests by name, with the built-in tests. */
public final class LevelTests {
    private static final Map<String, Function<Params, LevelTest>> REGISTRY = new ConcurrentHashMap<>();

    static {
        register("exact", p -> new Exact(p.strings("fields", "field")));
        register("compact", p -> new Compact(p.string("field")));
        register("cross", p -> new Cross(p.strings("fields", "field"), p.integer("max", 0),
                Boolean.TRUE.equals(p.values().get("across"))));
        register("swapped", p -> new Swapped(p.string("field"), p.string("other")));
        register("token_overlap", p -> new TokenOverlap(p.string("field"), p.integer("minLength", 2)));
        register("phonetic", p -> new Phonetic(p.string("field")));
        register("jaro_winkler", p -> new JaroWinkler(p.string("field"), p.number("min")));
        register("damerau", p -> new Damerau(p.string("field"), p.integer("max", 1)));
        register("prefix", p -> new Prefix(p.string("field"), p.integer("min", 3)));
        register("and", p -> new All(p.maps("tests").stream().map(LevelTests::nested).toList()));
        register("or", p -> new AnyOf(p.maps("tests").stream().map(LevelTests::nested).toList()));
        DateTests.registerAll();
        TokenTests.registerAll();
        NameVariants.registerAll();
    }

    private LevelTests() {
    }

    public static void register(String name, Function<Params, LevelTest> factory) {
        REGISTRY.put(name, factory);
    }

    public static Set<String> names() {
        return Set.copyOf(REGISTRY.keySet());
    }

    /** Creates a test from its profile description. */
    public static LevelTest create(String name, Map<String, Object> params) {
        Function<Params, LevelTest> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown level test '" + name + "'; known: " + names());
        }
        return factory.apply(new Params("test '" + name + "'", params));
    }

    private static LevelTest nested(Map<String, Object> spec) {
        Object name = spec.get("test");
        if (!(name instanceof String s)) {
            throw new IllegalArgumentException("a nested test needs a \"test\" name: " + spec);
        }
        Map<String, Object> params = new HashMap<>(spec);
        params.remove("test");
        return create(s, params);
    }

    /** The tests in order of {@link LevelTest#cost}, equal costs in the profile's order. */
    static List<LevelTest> cheapestFirst(List<LevelTest> tests) {
        return tests.stream().sorted(java.util.Comparator.comparingInt(LevelTest::cost)).toList();
    }

    /** All listed fields present on both sides and equal after normalisation. */
    record Exact(List<String> fieldNames) implements LevelTest {
        @Override
        public String name() {
            return "exact";
        }

        @Override
        public int cost() {
            return 0;
        }

        @Override
        public Set<String> fields() {
            return new LinkedHashSet<>(fieldNames);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField[] fs = fieldNames.stream().map(records::field).toArray(PreparedField[]::new);
            if (fs.length == 1) {
                PreparedField f = fs[0];
                return (a, b) -> {
                    int ia = f.id(a);
                    return ia >= 0 && ia == f.id(b);
                };
            }
            return (a, b) -> {
                for (PreparedField f : fs) {
                    int ia = f.id(a);
                    if (ia < 0 || ia != f.id(b)) {
                        return false;
                    }
                }
                return true;
            };
        }
    }

    /** Equal once blanks are removed ({@code "karl heinz"} and {@code "karlheinz"}). */
    record Compact(String field) implements LevelTest {
        @Override
        public String name() {
            return "compact";
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            String[] compact = f.compactForms();
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                return ia >= 0 && ib >= 0 && compact[ia].equals(compact[ib]);
            };
        }
    }

    /**
     * Some value of the listed fields on one side equals some value of the listed fields on the other (a married name
     * against the birth name). With {@code max > 0}, values of at least four characters may be that many edits apart,
     * except the first field against itself, which its own levels compare: {@code geb. Braun} against {@code Brgaun}.
     * With {@code across}, a field is compared only with the other fields, never with itself (a family name written
     * into the given name's column of a record that has no family name).
     */
    record Cross(List<String> fieldNames, int max, boolean across) implements LevelTest {
        @Override
        public String name() {
            return "cross";
        }

        @Override
        public Set<String> fields() {
            return new LinkedHashSet<>(fieldNames);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField[] fs = fieldNames.stream().map(records::field).toArray(PreparedField[]::new);
            return (a, b) -> {
                for (int i = 0; i < fs.length; i++) {
                    String va = fs[i].value(a);
                    if (va == null) {
                        continue;
                    }
                    for (int j = 0; j < fs.length; j++) {
                        String vb = fs[j].value(b);
                        if (vb == null || (across && i == j)) {
                            continue;
                        }
                        if (va.equals(vb)) {
                            return true;
                        }
                        if (max > 0 && (i > 0 || j > 0) && va.length() >= 4 && vb.length() >= 4
                                && Math.abs(va.length() - vb.length()) <= max
                                && StringSimilarity.damerauAtMost(va, vb, max)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
    }

    /** Two fields exchanged between the records (given and family name swapped). */
    record Swapped(String field, String other) implements LevelTest {
        @Override
        public String name() {
            return "swapped";
        }

        @Override
        public Set<String> fields() {
            return new LinkedHashSet<>(List.of(field, other));
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            PreparedField o = records.field(other);
            return (a, b) -> {
                String fa = f.value(a);
                String ob = o.value(b);
                if (fa == null || !fa.equals(ob)) {
                    return false;
                }
                String oa = o.value(a);
                return oa != null && oa.equals(f.value(b));
            };
        }
    }

    /** The values share a token of at least {@code minLength} characters (double names, several given names). */
    record TokenOverlap(String field, int minLength) implements LevelTest {
        @Override
        public String name() {
            return "token_overlap";
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
                String[] ta = tokens[ia];
                String[] tb = tokens[ib];
                if (ta.length == 1 && tb.length == 1) {
                    return false;
                }
                for (String x : ta) {
                    if (x.length() < minLength) {
                        continue;
                    }
                    for (String y : tb) {
                        if (x.equals(y)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
    }

    /** Same Kölner Phonetik code. */
    record Phonetic(String field) implements LevelTest {
        @Override
        public String name() {
            return "phonetic";
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            String[] codes = f.phonetic();
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                if (ia < 0 || ib < 0) {
                    return false;
                }
                String ca = codes[ia];
                return ca != null && ca.equals(codes[ib]);
            };
        }
    }

    /** Jaro-Winkler similarity of the normalised values at least {@code min}. */
    record JaroWinkler(String field, double min) implements LevelTest {
        /** How far below the threshold an upper bound must lie to refuse without computing the similarity. */
        static final double BOUND_MARGIN = 1e-9;

        @Override
        public String name() {
            return "jaro_winkler";
        }

        @Override
        public int cost() {
            return 3;
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            SimilarityMemo memo = records.memo(field);
            long[] masks = f.charMasks();
            // a margin below the threshold, so that a bound equal to the similarity up to rounding never refuses
            double refuseBelow = min - BOUND_MARGIN;
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                if (ia < 0 || ib < 0) {
                    return false;
                }
                if (ia == ib) {
                    return true;
                }
                String va = f.valueOfId(ia);
                String vb = f.valueOfId(ib);
                // the cheapest decisive test first: most pairs of strangers share too few characters
                if (StringSimilarity.jaroWinklerUpperBound(va, vb, masks[ia], masks[ib]) < refuseBelow) {
                    return false;
                }
                return memo.similarity(ia, ib, va, vb, StringSimilarity::jaroWinkler) >= min;
            };
        }
    }

    /** At most {@code max} edits (insert, delete, substitute, swap neighbours) apart. */
    record Damerau(String field, int max) implements LevelTest {
        @Override
        public String name() {
            return "damerau";
        }

        @Override
        public int cost() {
            return 1;
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            long[] masks = f.charMasks();
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                if (ia < 0 || ib < 0) {
                    return false;
                }
                if (ia == ib) {
                    return true;
                }
                // the cheapest decisive test first: strangers' values mostly differ in more characters than edits
                return !StringSimilarity.damerauRefused(masks[ia], masks[ib], max)
                        && StringSimilarity.damerauAtMost(f.valueOfId(ia), f.valueOfId(ib), max);
            };
        }
    }

    /** One value starts with the other, which has at least {@code min} characters ("Rob" and "Robert"). */
    record Prefix(String field, int min) implements LevelTest {
        @Override
        public String name() {
            return "prefix";
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            return (a, b) -> {
                String va = f.value(a);
                String vb = f.value(b);
                if (va == null || vb == null) {
                    return false;
                }
                String shorter = va.length() <= vb.length() ? va : vb;
                String longer = shorter == va ? vb : va;
                return shorter.length() >= min && longer.startsWith(shorter);
            };
        }
    }

    /** All nested tests pass. */
    record All(List<LevelTest> tests) implements LevelTest {
        @Override
        public int cost() {
            return tests.stream().mapToInt(LevelTest::cost).max().orElse(0);
        }

        @Override
        public String name() {
            return "and";
        }

        @Override
        public Set<String> fields() {
            Set<String> out = new LinkedHashSet<>();
            tests.forEach(t -> out.addAll(t.fields()));
            return out;
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            BoundTest[] bound = cheapestFirst(tests).stream().map(t -> t.bind(records)).toArray(BoundTest[]::new);
            return (a, b) -> {
                for (BoundTest t : bound) {
                    if (!t.test(a, b)) {
                        return false;
                    }
                }
                return true;
            };
        }
    }

    /** Some nested test passes. */
    record AnyOf(List<LevelTest> tests) implements LevelTest {
        @Override
        public int cost() {
            return tests.stream().mapToInt(LevelTest::cost).max().orElse(0);
        }

        @Override
        public String name() {
            return "or";
        }

        @Override
        public Set<String> fields() {
            Set<String> out = new LinkedHashSet<>();
            tests.forEach(t -> out.addAll(t.fields()));
            return out;
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            BoundTest[] bound = cheapestFirst(tests).stream().map(t -> t.bind(records)).toArray(BoundTest[]::new);
            return (a, b) -> {
                for (BoundTest t : bound) {
                    if (t.test(a, b)) {
                        return true;
                    }
                }
                return false;
            };
        }
    }
}
