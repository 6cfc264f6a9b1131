package de.grw.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the persons and addresses that households are made of: origin, names, birth date and place, nationality,
 * title, tax id, and the household address (sometimes another flat in a recently used building). Both household
 * models ({@link HouseholdFactory}, {@link RealisticHouseholds}) build their members through one instance; all
 * randomness comes from the one {@link SplittableRandom} given to the constructor, so a seed fixes the population.
 */
final class PersonMaker {
    private static final Origin[] ORIGINS = Origin.values();

    final Lexicon lex;
    final SplittableRandom r;
    final LocalDate referenceDate;
    private final SteuerIds steuerIds;
    private final double[] originCumulative;

    /** Recently used addresses: new households sometimes move into the same building. */
    private final Address[] recent = new Address[512];
    private int recentCount;
    private int recentNext;

    private long nextPersonNumber = 1;

    PersonMaker(Lexicon lex, SplittableRandom random, LocalDate referenceDate, SteuerIds steuerIds) {
        this.lex = lex;
        this.r = random;
        this.referenceDate = referenceDate;
        this.steuerIds = steuerIds;
        originCumulative = new double[ORIGINS.length];
        double sum = 0;
        for (int i = 0; i < ORIGINS.length; i++) {
            sum += ORIGINS[i].share;
            originCumulative[i] = sum;
        }
    }

    long personsCreated() {
        return nextPersonNumber - 1;
    }

    // ------------------------------------------------------------------------------------------------ persons

    Person newPerson(Origin origin, char sex, LocalDate birth, Address address, String family) {
        Person p = new Person();
        p.number = nextPersonNumber++;
        p.origin = origin;
        p.sex = sex;
        p.birthDate = birth;
        p.address = address;
        p.familyName = family;
        p.steuerId = steuerIds.next();
        int age = p.ageOn(referenceDate);
        boolean abroad = origin != Origin.DE && r.nextDouble() < bornAbroadShare(origin, age);
        p.givenNames = givenNames(origin, birth.getYear(), sex, abroad);
        p.birthPlace = birthPlace(origin, birth.getYear(), abroad, address);
        p.nationality = nationality(origin, abroad);
        if (age >= 28 && r.nextDouble() < 0.013) {
            p.title = age >= 40 && r.nextDouble() < 0.12 ? "Prof. Dr." : "Dr.";
        }
        return p;
    }

    private static double bornAbroadShare(Origin origin, int age) {
        return switch (origin) {
            case AR -> age >= 18 ? 0.92 : 0.55;
            case RU -> age >= 30 ? 0.85 : age >= 18 ? 0.35 : 0.10;
            default -> age >= 40 ? 0.85 : age >= 25 ? 0.50 : 0.12;
        };
    }

    private String birthPlace(Origin origin, int birthYear, boolean abroad, Address address) {
        if (abroad) {
            return lex.foreignBirthPlaces(origin).sample(r);
        }
        if (origin == Origin.DE && birthYear < 1946 && r.nextDouble() < 0.15) {
            return lex.eastBirthPlaces.sample(r);
        }
        return r.nextDouble() < 0.45 ? address.city().name() : lex.citySampler.sample(r).name();
    }

    private String nationality(Origin origin, boolean abroad) {
        if (origin == Origin.DE) {
            return "deutsch";
        }
        double german = !abroad ? 0.75 : origin == Origin.RU ? 0.80 : origin == Origin.AR ? 0.15 : 0.40;
        return r.nextDouble() < german ? "deutsch" : origin.nationality(r.nextInt(64));
    }

    /**
     * Given names by origin and birth decade. German names come 60% from the birth decade, 12% each from the decades
     * before and after, 16% from all decades; about 20% of all persons have two given names (Karl Heinz, Anna-Lena).
     * Children of immigrant families born here get German names half of the time.
     */
    String givenNames(Origin origin, int birthYear, char sex, boolean bornAbroad) {
        boolean female = sex == 'w' || (sex == 'd' && r.nextBoolean());
        Origin naming = origin;
        if (origin != Origin.DE && origin != Origin.RU && !bornAbroad && birthYear >= 1985 && r.nextBoolean()) {
            naming = Origin.DE;
        }
        String first = sampleGiven(naming, birthYear, female);
        if (first.indexOf('-') > 0 || first.indexOf(' ') > 0) {
            return first;
        }
        double doubleShare = naming == Origin.DE ? 0.22 : 0.06;
        if (r.nextDouble() < doubleShare) {
            String second = sampleGiven(naming, birthYear, female);
            for (int i = 0; i < 4 && (second.equals(first) || second.indexOf('-') > 0 || second.indexOf(' ') > 0); i++) {
                second = sampleGiven(naming, birthYear, female);
            }
            if (!second.equals(first) && second.indexOf('-') < 0 && second.indexOf(' ') < 0) {
                double hyphen = naming != Origin.DE ? 0.0 : birthYear < 1970 ? 0.3 : 0.6;
                return first + (r.nextDouble() < hyphen ? "-" : " ") + second;
            }
        }
        return first;
    }

    private String sampleGiven(Origin naming, int birthYear, boolean female) {
        if (naming != Origin.DE) {
            return lex.givenNames(naming, birthYear, female).sample(r);
        }
        double u = r.nextDouble();
        if (u < 0.60) {
            return lex.givenNames(Origin.DE, birthYear, female).sample(r);
        } else if (u < 0.72) {
            return lex.givenNamesGerman(birthYear, female, -1).sample(r);
        } else if (u < 0.84) {
            return lex.givenNamesGerman(birthYear, female, 1).sample(r);
        }
        return lex.givenNamesPooled(female).sample(r);
    }

    static String firstGivenName(String givenNames) {
        for (int i = 0; i < givenNames.length(); i++) {
            char c = givenNames.charAt(i);
            if (c == ' ' || c == '-') {
                return givenNames.substring(0, i);
            }
        }
        return givenNames;
    }

    /** Whether {@code kid}'s first given name is the first given name of a member from index {@code from} on. */
    static boolean sharesGivenName(Person kid, List<Person> household, int from) {
        return sharesName(firstGivenName(kid.givenNames), household, from);
    }

    /** Whether {@code first} is the first given name of a member of {@code household} from index {@code from} on. */
    static boolean sharesName(String first, List<Person> household, int from) {
        for (int i = from; i < household.size(); i++) {
            if (firstGivenName(household.get(i).givenNames).equals(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Family name by origin. German: 30% from the ~620 most frequent names (Zipf head), 67.5% from the generated long
     * tail, 1.5% with a particle (von, van, de, zu), 1% inherited double names (more double names arise by marriage).
     * Russian-German families carry German names (Neufeld, Friesen) 45% of the time.
     */
    String familyName(Origin origin, boolean female) {
        String name = FamilyNames.sample(lex, origin, r);
        return female ? FamilyNames.feminine(name, origin) : name;
    }

    /** The family name as this person carries it: Polish, Russian and Greek women use the feminine form. */
    static String adapt(String base, Person p) {
        return p.sex == 'w' ? FamilyNames.feminine(FamilyNames.baseForm(base), p.origin) : base;
    }

    /** 90% the same origin; else a German partner for immigrants, another origin (mostly Turkish) for Germans. */
    Origin spouseOrigin(Origin origin) {
        if (r.nextDouble() < 0.90) {
            return origin;
        }
        if (origin != Origin.DE) {
            return Origin.DE;
        }
        Origin other = sampleOrigin();
        return other == Origin.DE ? Origin.TR : other;
    }

    Origin sampleOrigin() {
        double u = r.nextDouble() * originCumulative[originCumulative.length - 1];
        for (int i = 0; i < originCumulative.length; i++) {
            if (u < originCumulative[i]) {
                return ORIGINS[i];
            }
        }
        return Origin.DE;
    }

    // ------------------------------------------------------------------------------------------------ addresses

    /** A new address; 18% of the time another flat in a recently used building. */
    Address householdAddress() {
        if (recentCount > 0 && r.nextDouble() < 0.18) {
            return recent[r.nextInt(recentCount)]; // another flat in the same building
        }
        Address address = Addresses.sample(lex, lex.citySampler.sample(r), r);
        recent[recentNext] = address;
        recentNext = (recentNext + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
        return address;
    }

    /** The address before a move: 60% in the same town, else anywhere. */
    Address movedFrom(Address current) {
        return Addresses.moved(lex, current, r.nextDouble() < 0.6, r);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    LocalDate birthDateForAge(int age) {
        return referenceDate.minusYears(age).minusDays(1 + r.nextInt(365));
    }

    /** An age from buckets {from, to, weight}: a bucket by weight, then uniform within it. */
    int sampleAge(int[][] buckets) {
        int total = 0;
        for (int[] b : buckets) {
            total += b[2];
        }
        int u = r.nextInt(total);
        for (int[] b : buckets) {
            if (u < b[2]) {
                return b[0] + r.nextInt(b[1] - b[0] + 1);
            }
            u -= b[2];
        }
        throw new IllegalStateException();
    }

    /** Index drawn with the given probabilities (which should sum to 1). */
    int pickIndex(double... probabilities) {
        double u = r.nextDouble();
        for (int i = 0; i < probabilities.length; i++) {
            if (u < probabilities[i]) {
                return i;
            }
            u -= probabilities[i];
        }
        return probabilities.length - 1;
    }
}
