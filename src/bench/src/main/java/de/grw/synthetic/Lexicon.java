package de.grw.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The word lists behind the generator, loaded once from {@code src/main/resources/de/grw/synthetic/}. Everything here is
 * immutable and independent of the generator seed (the long tail of family names is built with a fixed seed), so one
 * instance serves all runs. Maps are only used for look-ups, never iterated for output.
 */
final class Lexicon {
    /** First birth decade with its own given-name list; earlier births use it too. */
    static final int FIRST_DECADE = 1920;
    static final int LAST_DECADE = 2020;
    /** Number of generated long-tail family names per building-block family. */
    private static final int TAIL_MAIN = 2600;
    private static final int TAIL_SLAVIC = 450;
    private static final int TAIL_PATRONYM = 200;
    private static final long TAIL_SEED = 0x5EED_7A11_2024L;

    private static final class Holder {
        static final Lexicon INSTANCE = new Lexicon();
    }

    static Lexicon get() {
        return Holder.INSTANCE;
    }

    final List<City> cities;
    final WeightedSampler<City> citySampler;
    final WeightedSampler<String> streets;

    final WeightedSampler<String> familyDeHead;
    final WeightedSampler<String> familyDeTail;
    final WeightedSampler<String> familyDeParticle;
    final WeightedSampler<String> familyDeDouble;
    final WeightedSampler<String> familyRussianGerman;
    private final Map<Origin, WeightedSampler<String>> familyByOrigin = new EnumMap<>(Origin.class);

    /** Index {@code 2 * decade index + sex} with sex 0 = male, 1 = female. */
    private final List<WeightedSampler<String>> givenDe;
    /** All German given names of one sex, equally weighted, for variety; index = sex. */
    private final List<WeightedSampler<String>> givenDePooled = new ArrayList<>();
    /** Per origin, index = sex. */
    private final Map<Origin, List<WeightedSampler<String>>> givenByOrigin = new EnumMap<>(Origin.class);

    private final Map<Origin, WeightedSampler<String>> foreignBirthPlaces = new EnumMap<>(Origin.class);
    final WeightedSampler<String> eastBirthPlaces;

    private final Map<String, String> nicknames;
    private final Map<String, List<String>> variants;
    final int familyNameCount;

    private Lexicon() {
        // cities
        List<City> cityList = new ArrayList<>();
        List<Double> cityWeights = new ArrayList<>();
        for (String line : lines("orte.txt")) {
            String[] f = line.split(";", -1);
            List<String> variantList = f.length > 4 && !f[4].isBlank() ? List.of(f[4].split("\\|")) : List.of();
            City city = new City(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    variantList);
            cityList.add(city);
            // small towns get a little extra weight: each stands for many similar villages not in the list
            cityWeights.add(city.populationThousands() + 8.0);
        }
        cities = List.copyOf(cityList);
        citySampler = new WeightedSampler<>(cities, toArray(cityWeights));

        streets = weightedFromLines(lines("strassen.txt"));

        // family names
        Map<String, List<String>> sections = sections(lines("familiennamen.txt"));
        familyDeHead = weightedFromLines(sections.get("DE"));
        familyDeParticle = weightedFromLines(sections.get("DE-PARTIKEL"));
        familyDeDouble = weightedFromLines(sections.get("DE-DOPPEL"));
        familyRussianGerman = weightedFromLines(sections.get("RUDE"));
        for (Origin origin : Origin.values()) {
            if (origin != Origin.DE) {
                familyByOrigin.put(origin, weightedFromLines(sections.get(origin.name())));
            }
        }
        Set<String> known = new LinkedHashSet<>();
        for (String section : sections.keySet()) {
            for (String line : sections.get(section)) {
                known.add(line.substring(0, line.indexOf(';')));
            }
        }
        List<String> tail = buildTail(sections(lines("namensbausteine.txt")), known);
        double[] tailWeights = new double[tail.size()];
        for (int i = 0; i < tailWeights.length; i++) {
            tailWeights[i] = 1.0 / Math.pow(i + 50, 0.3); // flat: invented names never reach the real head
        }
        familyDeTail = new WeightedSampler<>(tail, tailWeights);
        familyNameCount = known.size() + tail.size();

        // given names
        int decades = (LAST_DECADE - FIRST_DECADE) / 10 + 1;
        givenDe = new ArrayList<>(Collections.nCopies(2 * decades, null));
        List<LinkedHashSet<String>> pooled = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
        for (String line : lines("vornamen.txt")) {
            String[] f = line.split(";");
            int sex = "m".equals(f[1]) ? 0 : 1;
            List<String> names = List.of(f[3].split(","));
            double[] w = new double[names.size()];
            // German decade lists are the head of a long distribution, the other lists stand for a whole culture
            double exponent = "DE".equals(f[0]) ? 0.75 : 0.5;
            for (int i = 0; i < w.length; i++) {
                w[i] = 1.0 / Math.pow(i + 1, exponent);
            }
            WeightedSampler<String> sampler = new WeightedSampler<>(names, w);
            if ("DE".equals(f[0])) {
                givenDe.set(2 * ((Integer.parseInt(f[2]) - FIRST_DECADE) / 10) + sex, sampler);
                pooled.get(sex).addAll(names);
            } else {
                givenByOrigin.computeIfAbsent(Origin.valueOf(f[0]),
                        o -> new ArrayList<>(Collections.nCopies(2, null))).set(sex, sampler);
            }
        }
        for (int sex = 0; sex < 2; sex++) {
            List<String> all = new ArrayList<>(pooled.get(sex));
            double[] w = new double[all.size()];
            Arrays.fill(w, 1.0);
            givenDePooled.add(new WeightedSampler<>(all, w));
        }
        if (givenDe.contains(null)) {
            throw new IllegalStateException("vornamen.txt: a German decade list is missing");
        }

        // birth places abroad
        WeightedSampler<String> east = null;
        for (String line : lines("geburtsorte_ausland.txt")) {
            String[] f = line.split(";");
            List<String> places = List.of(f[1].split(","));
            double[] w = new double[places.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1.0 / Math.pow(i + 1, 0.7);
            }
            WeightedSampler<String> sampler = new WeightedSampler<>(places, w);
            if ("OST".equals(f[0])) {
                east = sampler;
            } else {
                foreignBirthPlaces.put(Origin.valueOf(f[0]), sampler);
            }
        }
        eastBirthPlaces = east;

        Map<String, String> nick = new HashMap<>();
        for (String line : lines("spitznamen.txt")) {
            String[] f = line.split(";");
            nick.put(f[0], f[1]);
        }
        nicknames = Collections.unmodifiableMap(nick);

        Map<String, List<String>> var = new HashMap<>();
        for (String line : lines("varianten.txt")) {
            List<String> group = List.of(line.split(","));
            for (String name : group) {
                var.put(name, group);
            }
        }
        variants = Collections.unmodifiableMap(var);
    }

    WeightedSampler<String> givenNames(Origin origin, int birthYear, boolean female) {
        int sex = female ? 1 : 0;
        if (origin == Origin.DE) {
            int decade = Math.max(FIRST_DECADE, Math.min(LAST_DECADE, birthYear / 10 * 10));
            return givenDe.get(2 * ((decade - FIRST_DECADE) / 10) + sex);
        }
        return givenByOrigin.get(origin).get(sex);
    }

    /** German given names of a neighbouring decade, so that names of adjacent cohorts mix. */
    WeightedSampler<String> givenNamesGerman(int birthYear, boolean female, int decadeShift) {
        return givenNames(Origin.DE, birthYear + 10 * decadeShift, female);
    }

    WeightedSampler<String> givenNamesPooled(boolean female) {
        return givenDePooled.get(female ? 1 : 0);
    }

    WeightedSampler<String> familyNames(Origin origin) {
        return familyByOrigin.get(origin);
    }

    WeightedSampler<String> foreignBirthPlaces(Origin origin) {
        return foreignBirthPlaces.get(origin);
    }

    String nickname(String givenName) {
        return nicknames.get(givenName);
    }

    /** Other spellings of the name, or an empty list. */
    List<String> variants(String name) {
        return variants.getOrDefault(name, List.of());
    }

    // ------------------------------------------------------------------------------------------------ loading

    private static List<String> buildTail(Map<String, List<String>> blocks, Set<String> known) {
        List<String> result = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>(known);
        SplittableRandom random = new SplittableRandom(TAIL_SEED);
        result.addAll(combine(blocks, "STAEMME", "ENDUNGEN", TAIL_MAIN, taken, random));
        result.addAll(combine(blocks, "SLAWISCH-STAEMME", "SLAWISCH-ENDUNGEN", TAIL_SLAVIC, taken, random));
        result.addAll(combine(blocks, "PATRONYM-STAEMME", "PATRONYM-ENDUNGEN", TAIL_PATRONYM, taken, random));
        // interleave the three families so that the Zipf weights do not favour one of them
        List<String> shuffled = new ArrayList<>(result);
        shuffle(shuffled, random);
        return shuffled;
    }

    private static List<String> combine(Map<String, List<String>> blocks, String stemsKey, String endingsKey, int limit,
            Set<String> taken, SplittableRandom random) {
        List<String> candidates = new ArrayList<>();
        for (String stemLine : blocks.get(stemsKey)) {
            for (String stem : stemLine.split(",")) {
                for (String endLine : blocks.get(endingsKey)) {
                    for (String ending : endLine.split(",")) {
                        String name = join(stem.trim(), ending.trim());
                        if (name != null) {
                            candidates.add(name);
                        }
                    }
                }
            }
        }
        shuffle(candidates, random);
        List<String> chosen = new ArrayList<>();
        for (String name : candidates) {
            if (chosen.size() >= limit) {
                break;
            }
            if (taken.add(name)) {
                chosen.add(name);
            }
        }
        return chosen;
    }

    /** Joins stem and ending, or returns {@code null} when the result would read badly. */
    static String join(String stem, String ending) {
        String s = stem.toLowerCase(Locale.ROOT);
        char last = s.charAt(s.length() - 1);
        char first = ending.charAt(0);
        if (last == first) {
            return null; // Dorn+ner, Bach+hof
        }
        if (isVowel(last) && isVowel(first)) {
            return null; // See+er
        }
        if ((ending.startsWith("er") || ending.startsWith("en")) && (s.endsWith("er") || s.endsWith("en")
                || s.endsWith("el"))) {
            return null; // Linden+er, Reimer+ers
        }
        if (s.endsWith("sch") && first == 's') {
            return null;
        }
        if (s.endsWith("s") && (ending.startsWith("sch") || ending.startsWith("st"))) {
            return null;
        }
        String name = stem + ending;
        return name.length() > 15 ? null : name;
    }

    private static boolean isVowel(char c) {
        return "aeiouäöüy".indexOf(c) >= 0;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private static WeightedSampler<String> weightedFromLines(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException("word list section missing or empty");
        }
        List<String> names = new ArrayList<>(lines.size());
        double[] weights = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int semi = line.lastIndexOf(';');
            names.add(line.substring(0, semi));
            weights[i] = Double.parseDouble(line.substring(semi + 1));
        }
        return new WeightedSampler<>(names, weights);
    }

    /** Splits lines into {@code [SECTION]} blocks, keeping the file order. */
    private static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                result.put(line.substring(1, line.length() - 1), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return result;
    }

    private static double[] toArray(List<Double> values) {
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    /** Non-empty, non-comment lines of a resource next to this class. */
    static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource de/grw/synthetic/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> result = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    result.add(trimmed);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
