package de.grw.matching.blocking;

import de.grw.matching.data.PreparedField;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Registry of blocking-key transforms by name, with the built-in transforms. */
public final class KeyTransforms {
    private static final String[] NONE = new String[0];
    private static final Map<String, KeyTransform> REGISTRY = new ConcurrentHashMap<>();

    static {
        register(simple("exact", v -> v));
        register(simple("initial", v -> v.substring(0, 1)));
        register(simple("first_token", v -> firstToken(v)));
        register(simple("year", v -> v.length() == 8 && !v.startsWith("0000") ? v.substring(0, 4) : null));
        register(simple("date_unordered", KeyTransforms::unorderedDate));
        register(simple("month", v -> v.length() == 8 && !v.startsWith("00", 4) ? v.substring(4, 6) : null));
        register(simple("month_day", v -> v.length() == 8 && !v.startsWith("00", 4) && !v.startsWith("00", 6)
                ? v.substring(4, 8) : null));
        register(new KeyTransform() {
            @Override
            public String name() {
                return "prefix";
            }

            @Override
            public String[][] keys(PreparedField field, int length) {
                int len = Math.max(1, length);
                return perValue(field, v -> {
                    String c = v.replace(" ", "");
                    return c.length() <= len ? c : c.substring(0, len);
                });
            }
        });
        register(new KeyTransform() {
            @Override
            public String name() {
                return "phonetic";
            }

            @Override
            public String[][] keys(PreparedField field, int length) {
                String[] codes = field.phonetic();
                String[][] out = new String[codes.length][];
                for (int i = 0; i < codes.length; i++) {
                    out[i] = codes[i] == null ? NONE : new String[] {codes[i]};
                }
                return out;
            }
        });
        register(new KeyTransform() {
            @Override
            public String name() {
                return "phonetic_first";
            }

            @Override
            public String[][] keys(PreparedField field, int length) {
                String[][] codes = field.tokenPhonetics();
                String[][] out = new String[codes.length][];
                for (int i = 0; i < codes.length; i++) {
                    String first = codes[i].length == 0 ? null : codes[i][0];
                    out[i] = first == null ? NONE : new String[] {first};
                }
                return out;
            }
        });
        register(new KeyTransform() {
            @Override
            public String name() {
                return "phonetic_tokens";
            }

            @Override
            public String[][] keys(PreparedField field, int length) {
                String[][] codes = field.tokenPhonetics();
                String[] whole = field.phonetic();
                String[][] out = new String[codes.length][];
                for (int i = 0; i < codes.length; i++) {
                    Set<String> keys = new LinkedHashSet<>();
                    if (whole[i] != null) {
                        keys.add(whole[i]);
                    }
                    if (codes[i].length > 1) {
                        for (String c : codes[i]) {
                            if (c != null && c.length() >= 2) {
                                keys.add(c);
                            }
                        }
                    }
                    out[i] = keys.toArray(NONE);
                }
                return out;
            }
        });
    }

    private KeyTransforms() {
    }

    public static void register(KeyTransform transform) {
        REGISTRY.put(transform.name(), transform);
    }

    public static KeyTransform get(String name) {
        KeyTransform t = REGISTRY.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown blocking transform '" + name + "'; known: "
                    + REGISTRY.keySet());
        }
        return t;
    }

    private static KeyTransform simple(String name, Function<String, String> f) {
        return new SimpleTransform(name, f);
    }

    private static String[][] perValue(PreparedField field, Function<String, String> f) {
        String[][] out = new String[field.distinctCount()][];
        for (int i = 0; i < out.length; i++) {
            String k = f.apply(field.valueOfId(i));
            out[i] = k == null || k.isEmpty() ? NONE : new String[] {k};
        }
        return out;
    }

    private static String firstToken(String v) {
        int blank = v.indexOf(' ');
        return blank < 0 ? v : v.substring(0, blank);
    }

    /** A date with day and month in ascending order, so that swapped day and month give the same key. */
    private static String unorderedDate(String v) {
        if (v.length() != 8) {
            return null;
        }
        String m = v.substring(4, 6);
        String d = v.substring(6, 8);
        return v.substring(0, 4) + (m.compareTo(d) <= 0 ? m + d : d + m);
    }

    private record SimpleTransform(String name, Function<String, String> function) implements KeyTransform {
        @Override
        public String[][] keys(PreparedField field, int length) {
            return perValue(field, function);
        }

        private Object writeReplace() {
            return new SerialForm(name);
        }
    }

    private record SerialForm(String name) implements java.io.Serializable {
        private Object readResolve() {
            return get(name);
        }
    }
}
