package de.grw.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@link Population#CLASSIC classic} population: builds households one at a time: singles, couples with and
 * without children, single parents, shared flats and three-generation households. Members share the address; families
 * share the family name; married women carry a birth name in about 40% of cases; children of one household get
 * distinct given names and ~1.2% of births are twins. Children older than 25 have left and are not generated.
 *
 * <p>The household mix follows the German micro-census roughly (40% one-person households, about 2.05 persons per
 * household, about 82% adults); ages, names and places are drawn from {@link Lexicon}. All randomness comes from the
 * one {@link SplittableRandom} given to the constructor, so a seed fixes the whole population. Kept unchanged (same
 * draws, same bytes) so that figures measured on it stay reproducible; {@link RealisticHouseholds} is the default.
 */
final class HouseholdFactory implements Households {
    /** Probability that a birth is a twin birth. */
    static final double TWIN_BIRTH_RATE = 0.012;
    /** Probability that a married woman's family name differs from her birth name (after the brief: ~40%). */
    static final double MARRIED_WOMAN_NAME_CHANGE = 0.40;

    private final PersonMaker m;
    private final SplittableRandom r;
    private final LocalDate referenceDate;

    long households;
    long twinPairs;

    HouseholdFactory(Lexicon lex, SplittableRandom random, LocalDate referenceDate, SteuerIds steuerIds) {
        this.m = new PersonMaker(lex, random, referenceDate, steuerIds);
        this.r = random;
        this.referenceDate = referenceDate;
    }

    @Override
    public long personsCreated() {
        return m.personsCreated();
    }

    @Override
    public long households() {
        return households;
    }

    @Override
    public Map<String, Long> counts() {
        return Map.of("twin pairs", twinPairs);
    }

    /** Replaces the content of {@code out} with the members of a new household. */
    @Override
    public void next(List<Person> out) {
        out.clear();
        households++;
        Origin origin = m.sampleOrigin();
        Address address = m.householdAddress();
        Address previous = r.nextDouble() < 0.10 ? m.movedFrom(address) : null;
        double u = r.nextDouble();
        if (u < 0.40) {
            out.add(singleAdult(origin, address, m.sampleAge(SINGLE_AGES), true, (char) 0));
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
            p.household = households;
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
        Person p = m.newPerson(origin, sex, m.birthDateForAge(age), address, m.familyName(origin, sex == 'w'));
        p.relation = Relation.HEAD;
        double everMarried = age < 30 ? 0.10 : age < 45 ? 0.45 : age < 65 ? 0.70 : 0.90;
        if (sex != 'd' && r.nextDouble() < everMarried) {
            p.married = true;
            double change = sex == 'w' ? MARRIED_WOMAN_NAME_CHANGE : 0.04;
            if (r.nextDouble() < change) {
                p.birthName = p.familyName;
                p.familyName = PersonMaker.adapt(m.familyName(m.spouseOrigin(origin), false), p);
            }
        }
        return p;
    }

    private void couple(List<Person> out, Origin origin, Address address, boolean withChildren) {
        int womanAge = withChildren ? 24 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 32)
                : m.sampleAge(COUPLE_AGES);
        int manAge = Math.max(18, womanAge + (int) Math.round(2 + r.nextGaussian() * 3.5));
        Origin partnerOrigin = m.spouseOrigin(origin);
        boolean womanIsHeadOrigin = r.nextBoolean();
        Origin womanOrigin = womanIsHeadOrigin ? origin : partnerOrigin;
        Origin manOrigin = womanIsHeadOrigin ? partnerOrigin : origin;
        boolean sameSex = !withChildren && r.nextDouble() < 0.02;

        String manBase = m.familyName(manOrigin, false);
        String womanBase = m.familyName(womanOrigin, false);
        Person man = m.newPerson(manOrigin, sameSex && r.nextBoolean() ? 'w' : 'm', m.birthDateForAge(manAge), address,
                manBase);
        Person woman = m.newPerson(womanOrigin, 'w', m.birthDateForAge(womanAge), address, womanBase);
        man.familyName = PersonMaker.adapt(manBase, man);
        woman.familyName = PersonMaker.adapt(womanBase, woman);
        if (sameSex && man.sex == 'w') {
            man.givenNames = m.givenNames(man.origin, man.birthDate.getYear(), 'w', false);
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
                woman.familyName = PersonMaker.adapt(manBase, woman);
                childrenBase = manBase;
            } else if (u < MARRIED_WOMAN_NAME_CHANGE) { // husband's name plus her own (Begleitname)
                woman.birthName = woman.familyName;
                woman.familyName = r.nextBoolean() ? PersonMaker.adapt(manBase, woman) + "-" + woman.birthName
                        : woman.birthName + "-" + PersonMaker.adapt(manBase, woman);
                childrenBase = manBase;
            } else if (u < 0.44) { // common name: the wife's
                man.birthName = man.familyName;
                man.familyName = PersonMaker.adapt(womanBase, man);
                childrenBase = womanBase;
            } else { // both keep their names; children get one of them
                childrenBase = r.nextDouble() < 0.75 ? manBase : womanBase;
            }
        }
        woman.relation = Relation.HEAD;
        man.relation = married ? Relation.SPOUSE : Relation.PARTNER;
        out.add(woman);
        out.add(man);
        if (withChildren) {
            addChildren(out, woman, origin, childrenBase, address, 1 + m.pickIndex(0.45, 0.38, 0.13, 0.04));
        }
    }

    private void singleParent(List<Person> out, Origin origin, Address address) {
        int age = 22 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 33);
        boolean mother = r.nextDouble() < 0.85;
        Person parent = singleAdult(origin, address, age, false, mother ? 'w' : 'm');
        out.add(parent);
        String childrenBase = r.nextDouble() < 0.8 ? parent.familyName : m.familyName(m.spouseOrigin(origin), false);
        addChildren(out, parent, origin, childrenBase, address, 1 + m.pickIndex(0.60, 0.30, 0.10));
    }

    private void sharedFlat(List<Person> out, Address address) {
        int members = 2 + m.pickIndex(0.6, 0.3, 0.1);
        for (int i = 0; i < members; i++) {
            Person flatmate = singleAdult(m.sampleOrigin(), address, 19 + r.nextInt(16), true, (char) 0);
            flatmate.relation = i == 0 ? Relation.HEAD : Relation.OTHER;
            out.add(flatmate);
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
        Person elder = m.newPerson(child.origin, sex, m.birthDateForAge(age), address, family);
        elder.familyName = PersonMaker.adapt(FamilyNames.baseForm(family), elder);
        elder.married = true;
        elder.relation = Relation.PARENT;
        if (sex == 'w' && r.nextDouble() < 0.85) { // grandmothers mostly took the husband's name
            elder.birthName = PersonMaker.adapt(m.familyName(child.origin, false), elder);
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
                first.relation = Relation.TWIN;
                twin.relation = Relation.TWIN;
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
        Person kid = m.newPerson(origin, sex, birth, address, familyBase);
        kid.familyName = PersonMaker.adapt(FamilyNames.baseForm(familyBase), kid);
        kid.relation = Relation.CHILD;
        // siblings get different given names
        for (int attempt = 0; attempt < 6 && PersonMaker.sharesGivenName(kid, household, firstChild); attempt++) {
            kid.givenNames = m.givenNames(origin, birth.getYear(), sex, false);
        }
        return kid;
    }
}
