package de.grw.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds households one at a time: singles, couples with and without children, single parents, shared flats and
 * three-generation households. Members share the address; families share the family name; married women carry a birth
 * name in about 40% of cases; children of one household get distinct given names and ~1.2% of births are twins.
 *
 * <p>The household mix follows the German micro-census roughly (40% one-person households, about 2.05 persons per
 * household, about 82% adults); ages, names and places are drawn from {@link Lexicon}. All randomness comes from the
 * one {@link SplittableRandom} given to the constructor, so a seed fixes the whole population.
 */
final class HouseholdFactory {
    /** Probability that a birth is a twin birth. */
    static final double TWIN_BIRTH_RATE = 0.012;
    /** Probability that a married woman's family name differs from her birth name (after the brief: ~40%). */
    static final double MARRIED_WOMAN_NAME_CHANGE = 0.40;

    private final Lexicon lex;
    private final SplittableRandom r;
    private final LocalDate referenceDate;
    private final SteuerIds steuerIds;
    private static final Origin[] ORIGINS = Origin.values();
    private final double[] originCumulative;

    /** Recently used addresses: new households sometimes move into the same building. */
    private final Address[] recent = new Address[512];
    private int recentCount;
    private int recentNext;

    private long nextPersonNumber = 1;
    long households;
    long twinPairs;

    HouseholdFactory(Lexicon lex, SplittableRandom random, LocalDate referenceDate, SteuerIds steuerIds) {
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

    /** Replaces the content of {@code out} with the members of a new household. */
    void next(List<Person> out) {
        out.clear();
        households++;
        Origin origin = sampleOrigin();
        Address address = householdAddress();
        Address previous = r.nextDouble() < 0.10 ? movedFrom(address) : null;
        double u = r.nextDouble();
        if (u < 0.40) {
            out.add(singleAdult(origin, address, sampleAge(SINGLE_AGES), true, (char) 0));
        } else if (u < 0.68) {
            couple(out, origin, address, false);
        } else if (u < 0.88) {
            couple(out, origin, address, true);
        } else if (u < 0.95) {
            singleParent(out, origin, address);
        } else if (u < 0.98) {
            sharedFlat(out, address);
        } else {
            threeGenerations(out, origin, address);
        }
        boolean householdBlock = r.nextDouble() < 0.008;
        for (Person p : out) {
            p.previousAddress = previous;
            p.informationBlock = householdBlock || r.nextDouble() < 0.002;
        }
    }

    // ------------------------------------------------------------------------------------------------ household types

    /** Age buckets {from, to, weight} of people living alone. */
    private static final int[][] SINGLE_AGES = {{18, 24, 10}, {25, 34, 19}, {35, 49, 15}, {50, 64, 23}, {65, 79, 19},
        {80, 89, 11}, {90, 99, 3}};
    /** Age buckets of the woman of a couple without children at home. */
    private static final int[][] COUPLE_AGES = {{20, 34, 15}, {35, 49, 10}, {50, 64, 38}, {65, 79, 28}, {80, 89, 8},
        {90, 95, 1}};

    private Person singleAdult(Origin origin, Address address, int age, boolean mayBeDiverse, char forcedSex) {
        char sex;
        double femaleShare = age >= 65 ? 0.68 : 0.46;
        if (forcedSex != 0) {
            sex = forcedSex;
        } else if (mayBeDiverse && age < 60 && r.nextDouble() < 0.003) {
            sex = 'd';
        } else {
            sex = r.nextDouble() < femaleShare ? 'w' : 'm';
        }
        Person p = newPerson(origin, sex, birthDateForAge(age), address, familyName(origin, sex == 'w'));
        double everMarried = age < 30 ? 0.10 : age < 45 ? 0.45 : age < 65 ? 0.70 : 0.90;
        if (sex != 'd' && r.nextDouble() < everMarried) {
            p.married = true;
            double change = sex == 'w' ? MARRIED_WOMAN_NAME_CHANGE : 0.04;
            if (r.nextDouble() < change) {
                p.birthName = p.familyName;
                p.familyName = adapt(familyName(spouseOrigin(origin), false), p);
            }
        }
        return p;
    }

    private void couple(List<Person> out, Origin origin, Address address, boolean withChildren) {
        int womanAge = withChildren ? 24 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 32)
                : sampleAge(COUPLE_AGES);
        int manAge = Math.max(18, womanAge + (int) Math.round(2 + r.nextGaussian() * 3.5));
        Origin partnerOrigin = spouseOrigin(origin);
        boolean womanIsHeadOrigin = r.nextBoolean();
        Origin womanOrigin = womanIsHeadOrigin ? origin : partnerOrigin;
        Origin manOrigin = womanIsHeadOrigin ? partnerOrigin : origin;
        boolean sameSex = !withChildren && r.nextDouble() < 0.02;

        String manBase = familyName(manOrigin, false);
        String womanBase = familyName(womanOrigin, false);
        Person man = newPerson(manOrigin, sameSex && r.nextBoolean() ? 'w' : 'm', birthDateForAge(manAge), address,
                manBase);
        Person woman = newPerson(womanOrigin, 'w', birthDateForAge(womanAge), address, womanBase);
        man.familyName = adapt(manBase, man);
        woman.familyName = adapt(womanBase, woman);
        if (sameSex && man.sex == 'w') {
            man.givenNames = givenNames(man.origin, man.birthDate.getYear(), 'w', false);
        }

        double marriedShare = withChildren ? 0.75 : womanAge < 30 ? 0.45 : womanAge < 45 ? 0.65 : 0.82;
        boolean married = r.nextDouble() < marriedShare;
        String childrenBase = r.nextDouble() < 0.55 ? manBase : womanBase;
        if (married) {
            man.married = true;
            woman.married = true;
            double u = r.nextDouble();
            if (u < 0.34) { // common name: the husband's
                woman.birthName = woman.familyName;
                woman.familyName = adapt(manBase, woman);
                childrenBase = manBase;
            } else if (u < MARRIED_WOMAN_NAME_CHANGE) { // husband's name plus her own (Begleitname)
                woman.birthName = woman.familyName;
                woman.familyName = r.nextBoolean() ? adapt(manBase, woman) + "-" + woman.birthName
                        : woman.birthName + "-" + adapt(manBase, woman);
                childrenBase = manBase;
            } else if (u < 0.44) { // common name: the wife's
                man.birthName = man.familyName;
                man.familyName = adapt(womanBase, man);
                childrenBase = womanBase;
            } else { // both keep their names; children get one of them
                childrenBase = r.nextDouble() < 0.75 ? manBase : womanBase;
            }
        }
        out.add(woman);
        out.add(man);
        if (withChildren) {
            addChildren(out, woman, origin, childrenBase, address, 1 + pickIndex(0.45, 0.38, 0.13, 0.04));
        }
    }

    private void singleParent(List<Person> out, Origin origin, Address address) {
        int age = 22 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 33);
        boolean mother = r.nextDouble() < 0.85;
        Person parent = singleAdult(origin, address, age, false, mother ? 'w' : 'm');
        out.add(parent);
        String childrenBase = r.nextDouble() < 0.8 ? parent.familyName : familyName(spouseOrigin(origin), false);
        addChildren(out, parent, origin, childrenBase, address, 1 + pickIndex(0.60, 0.30, 0.10));
    }

    private void sharedFlat(List<Person> out, Address address) {
        int members = 2 + pickIndex(0.6, 0.3, 0.1);
        for (int i = 0; i < members; i++) {
            out.add(singleAdult(sampleOrigin(), address, 19 + r.nextInt(16), true, (char) 0));
        }
    }

    private void threeGenerations(List<Person> out, Origin origin, Address address) {
        couple(out, origin, address, true);
        Person woman = out.get(0);
        Person man = out.get(1);
        boolean fromHusbandsSide = r.nextDouble() < 0.6;
        Person child = fromHusbandsSide ? man : woman;
        int age = Math.min(100, child.ageOn(referenceDate) + 22 + r.nextInt(16));
        char sex = r.nextDouble() < 0.7 ? 'w' : 'm';
        String family = child.birthName != null ? child.birthName : child.familyName;
        Person elder = newPerson(child.origin, sex, birthDateForAge(age), address, family);
        elder.familyName = adapt(FamilyNames.baseForm(family), elder);
        elder.married = true;
        if (sex == 'w' && r.nextDouble() < 0.85) { // grandmothers mostly took the husband's name
            elder.birthName = adapt(familyName(child.origin, false), elder);
        }
        out.add(elder);
    }

    private void addChildren(List<Person> out, Person mother, Origin origin, String familyBase, Address address,
            int count) {
        double ageAtBirth = Math.max(18, Math.min(41, 29 + r.nextGaussian() * 4.5));
        int before = out.size();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ageAtBirth += 1 + r.nextInt(4) + r.nextDouble();
            }
            LocalDate birth = mother.birthDate.plusDays((long) (ageAtBirth * 365.25));
            if (birth.isAfter(referenceDate)) {
                break;
            }
            if (referenceDate.getYear() - birth.getYear() > 25) {
                continue; // grown up and moved out
            }
            Person first = child(origin, birth, familyBase, address, out, before);
            out.add(first);
            if (r.nextDouble() < TWIN_BIRTH_RATE) {
                Person twin = child(origin, birth, familyBase, address, out, before);
                twin.birthPlace = first.birthPlace;
                twin.nationality = first.nationality;
                out.add(twin);
                twinPairs++;
            }
        }
        if (out.size() == before) {
            int maxAge = Math.max(0, Math.min(17, mother.ageOn(referenceDate) - 18));
            LocalDate birth = referenceDate.minusDays(1 + r.nextInt(maxAge * 365 + 300));
            out.add(child(origin, birth, familyBase, address, out, before));
        }
    }

    private Person child(Origin origin, LocalDate birth, String familyBase, Address address, List<Person> household,
            int firstChild) {
        char sex = r.nextDouble() < 0.51 ? 'm' : 'w';
        Person kid = newPerson(origin, sex, birth, address, familyBase);
        kid.familyName = adapt(FamilyNames.baseForm(familyBase), kid);
        // siblings get different given names
        for (int attempt = 0; attempt < 6 && sharesGivenName(kid, household, firstChild); attempt++) {
            kid.givenNames = givenNames(origin, birth.getYear(), sex, false);
        }
        return kid;
    }

    private static boolean sharesGivenName(Person kid, List<Person> household, int from) {
        String first = firstGivenName(kid.givenNames);
        for (int i = from; i < household.size(); i++) {
            if (firstGivenName(household.get(i).givenNames).equals(first)) {
                return true;
            }
        }
        return false;
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

    // ------------------------------------------------------------------------------------------------ persons

    private Person newPerson(Origin origin, char sex, LocalDate birth, Address address, String family) {
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

    /**
     * Family name by origin. German: 30% from the ~620 most frequent names (Zipf head), 67.5% from the generated long
     * tail, 1.5% with a particle (von, van, de, zu), 1% inherited double names (more double names arise by marriage). Russian-German families carry German
     * names (Neufeld, Friesen) 45% of the time.
     */
    String familyName(Origin origin, boolean female) {
        String name = FamilyNames.sample(lex, origin, r);
        return female ? FamilyNames.feminine(name, origin) : name;
    }

    /** The family name as this person carries it: Polish, Russian and Greek women use the feminine form. */
    private String adapt(String base, Person p) {
        return p.sex == 'w' ? FamilyNames.feminine(FamilyNames.baseForm(base), p.origin) : base;
    }

    private Origin spouseOrigin(Origin origin) {
        if (r.nextDouble() < 0.90) {
            return origin;
        }
        if (origin != Origin.DE) {
            return Origin.DE;
        }
        Origin other = sampleOrigin();
        return other == Origin.DE ? Origin.TR : other;
    }

    private Origin sampleOrigin() {
        double u = r.nextDouble() * originCumulative[originCumulative.length - 1];
        for (int i = 0; i < originCumulative.length; i++) {
            if (u < originCumulative[i]) {
                return ORIGINS[i];
            }
        }
        return Origin.DE;
    }

    // ------------------------------------------------------------------------------------------------ addresses

    private Address householdAddress() {
        if (recentCount > 0 && r.nextDouble() < 0.18) {
            return recent[r.nextInt(recentCount)]; // another flat in the same building
        }
        Address address = newAddress(lex.citySampler.sample(r));
        recent[recentNext] = address;
        recentNext = (recentNext + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
        return address;
    }

    /** The address before a move: 60% in the same town, else anywhere. */
    private Address movedFrom(Address current) {
        return Addresses.moved(lex, current, r.nextDouble() < 0.6, r);
    }

    private Address newAddress(City city) {
        return Addresses.sample(lex, city, r);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private LocalDate birthDateForAge(int age) {
        return referenceDate.minusYears(age).minusDays(1 + r.nextInt(365));
    }

    private int sampleAge(int[][] buckets) {
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
    private int pickIndex(double... probabilities) {
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
