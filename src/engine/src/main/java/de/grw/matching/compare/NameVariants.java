package de.grw.matching.compare;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Given names that stand for one another (call names and short forms: Hans for Johannes, Fritz for Friedrich, Bill
 * for William), from a bundled list of groups ({@code given-name-variants.txt}, written from general knowledge of
 * German and English naming). The level test {@code name_variant} passes when a name of one record and a different
 * name of the other belong to one group.
 */
final class NameVariants {
    /** The bundled list. */
    static final String DEFAULT_LIST = "given-name-variants.txt";
    private static final Map<String, Map<String, int[]>> LISTS = new ConcurrentHashMap<>();

    private NameVariants() {
    }

    static void registerAll() {
        LevelTests.register("name_variant", p -> new Variant(p.string("field"),
                p.has("list") ? p.string("list") : DEFAULT_LIST));
    }

    /** The groups of each name in a list, loaded once. */
    static Map<String, int[]> groups(String list) {
        return LISTS.computeIfAbsent(list, NameVariants::load);
    }

    private static Map<String, int[]> load(String list) {
        Map<String, int[]> out = new HashMap<>();
        try (InputStream in = NameVariants.class.getResourceAsStream(list)) {
            if (in == null) {
                throw new IllegalArgumentException("no name variant list '" + list + "'");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int group = 0;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split("\\s+")) {
                    int[] before = out.getOrDefault(name, new int[0]);
                    int[] after = Arrays.copyOf(before, before.length + 1);
                    after[before.length] = group;
                    out.put(name, after);
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whether two different names share a group. */
    static boolean variants(Map<String, int[]> groups, String x, String y) {
        if (x.equals(y)) {
            return false;
        }
        int[] gx = groups.get(x);
        int[] gy = gx == null ? null : groups.get(y);
        if (gy == null) {
            return false;
        }
        for (int a : gx) {
            for (int b : gy) {
                if (a == b) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A name of one record is a call name, short form or variant of a name of the other. */
    record Variant(String field, String list) implements LevelTest {
        @Override
        public String name() {
            return "name_variant";
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public BoundTest bind(PreparedRecords records) {
            PreparedField f = records.field(field);
            String[][] tokens = f.tokens();
            Map<String, int[]> groups = groups(list);
            return (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                if (ia < 0 || ib < 0 || ia == ib) {
                    return false;
                }
                for (String x : tokens[ia]) {
                    for (String y : tokens[ib]) {
                        if (variants(groups, x, y)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
    }
}
