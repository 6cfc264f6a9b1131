package de.grw.normalising;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The registry of normalisers by name. Built-in normalisers are registered at class load. */
public final class Normalisers {
    /** Read per field and record set by many threads at once: a concurrent map, not a synchronised one. */
    private static final Map<String, Normaliser> REGISTRY = new ConcurrentHashMap<>();

    static {
        register(named("none", v -> v == null || v.isBlank() ? null : v.trim()));
        register(named("text", GermanText::searchForm));
        register(named("compact", GermanText::compact));
        register(named("family_name", PersonNames::familyNameCore));
        register(named("given_name", PersonNames::givenNames));
        register(named("street", Addresses::street));
        register(named("house_number", Addresses::houseNumber));
        register(named("postal_code", Addresses::postalCode));
        register(named("sex", Normalisers::sex));
        register(named("nationality", Normalisers::nationality));
        register(named("identifier", Normalisers::identifier));
        register(named("email", Normalisers::email));
        register(named("date", Normalisers::date));
        register(named("date_year_precision", Normalisers::dateYearPrecision));
    }

    private Normalisers() {
    }

    /** Registers a normaliser under its name, replacing one of the same name. */
    public static void register(Normaliser normaliser) {
        REGISTRY.put(normaliser.name(), normaliser);
    }

    /** The normaliser of that name; an unknown name is a profile error. */
    public static Normaliser get(String name) {
        Normaliser n = REGISTRY.get(name);
        if (n == null) {
            throw new IllegalArgumentException("unknown normaliser '" + name + "'; known: " + names());
        }
        return n;
    }

    public static Set<String> names() {
        return Set.copyOf(REGISTRY.keySet());
    }

    private static Normaliser named(String name, UnaryOperator<String> function) {
        return new FunctionNormaliser(name, function);
    }

    /** A normaliser backed by a static method; serialises by name. */
    private record FunctionNormaliser(String name, UnaryOperator<String> function) implements Normaliser {
        @Override
        public String normalise(String original) {
            if (original == null || original.isEmpty()) {
                return null;
            }
            String v = function.apply(original);
            return v == null || v.isEmpty() ? null : v;
        }

        private Object writeReplace() {
            return new SerialForm(name);
        }
    }

    /** Serial form of a registered normaliser: its name. */
    private record SerialForm(String name) implements java.io.Serializable {
        private Object readResolve() {
            return get(name);
        }
    }

    static String sex(String value) {
        String v = GermanText.searchForm(value);
        if (v == null) {
            return null;
        }
        switch (v) {
            case "m": case "mann": case "maennlich": case "male": case "man": case "herr": case "1": case "h":
                return "m";
            case "w": case "f": case "frau": case "weiblich": case "female": case "woman": case "2":
                return "w";
            case "d": case "divers": case "diverse": case "x": case "3": case "non binary": case "nonbinary":
                return "d";
            default:
                return v.startsWith("maenn") ? "m" : v.startsWith("weib") ? "w" : null;
        }
    }

    static String nationality(String value) {
        String v = GermanText.searchForm(value);
        if (v == null) {
            return null;
        }
        switch (v) {
            case "d": case "de": case "deu": case "deutsch": case "deutschland": case "german": case "germany":
            case "bundesrepublik deutschland": case "brd":
                return "deu";
            default:
                return v;
        }
    }

    static String identifier(String value) {
        // most identifiers are in their normal form already (digits, upper-case letters): then the value itself,
        // without a builder and a copy per record
        int clean = 0;
        while (clean < value.length()) {
            char c = value.charAt(clean);
            if (!Character.isLetterOrDigit(c) || Character.toUpperCase(c) != c) {
                break;
            }
            clean++;
        }
        if (clean == value.length()) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        sb.append(value, 0, clean);
        for (int i = clean; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    static String email(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.indexOf('@') > 0 ? v : null;
    }

    /** ISO dates (also partial ones with 00 parts) as eight digits {@code yyyymmdd}. */
    static String date(String iso) {
        String v = iso.trim();
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            return v.substring(0, 4) + v.substring(5, 7) + v.substring(8, 10);
        }
        return v.length() == 8 && v.chars().allMatch(Character::isDigit) ? v : null;
    }

    /**
     * A date as {@link #date}, where 1 January stands for "some day of that year": sources that know a historical
     * person's birth only to the year (Wikidata and many genealogical exports) write it as {@code yyyy-01-01}; compared
     * as {@code yyyy0000} it agrees with the full date of the same year instead of contradicting it.
     */
    static String dateYearPrecision(String iso) {
        String v = date(iso);
        return v != null && v.endsWith("0101") ? v.substring(0, 4) + "0000" : v;
    }
}
