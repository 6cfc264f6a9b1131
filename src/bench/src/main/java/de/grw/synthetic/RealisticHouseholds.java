package de.grw.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@link Population#REALISTIC realistic} population: households as the German micro-census counts them, with the
 * relatives that make record linkage hard living together.
 *
 * <h2>Rates and where they come from</h2>
 * Approximate figures of the Statistisches Bundesamt (Mikrozensus 2022/2023, births and marriage statistics) and of
 * the Gesellschaft für deutsche Sprache's surveys of married names; rounded, and meant to give the right mix, not to
 * be demographic statistics.
 * <ul>
 *   <li>Households: 40.5% one person, 47% couples (of which the ones with children at home make ~19% of all
 *       households), 7% single parents (85% mothers), 1.2% an adult living with an elderly parent, 0.8% three
 *       generations, the rest shared flats; about 2.0 persons per household, ~83% adults.</li>
 *   <li>Couples: the man ~2.5 years older (sd 4); married 40% (woman under 30) to 94% (65 and over), 84% overall;
 *       1.2% same-sex. Names at marriage: 74% take the husband's name, 8% the husband's name with the wife's birth name
 *       as a second part (Schmidt-Weber, Weber-Schmidt), 6% the wife's name, 12% keep their own names. Children of
 *       married parents carry the common name, else the father's name (65% when the parents kept their names, 50% when
 *       they are not married).</li>
 *   <li>Children: 18% of women in couples have none; mothers have 1 (33%), 2 (47%), 3 (15%) or 4 (5%) children,
 *       the first at 29.5 (sd 4.5), then every 1-5 years; 51.3% boys. Grown children leave home as Eurostat reports for
 *       Germany (at 20-21 about 70% of the sons and 60% of the daughters still live with their parents, at 25-27 30%
 *       and 15%, past 30 a few); a quarter of those aged 18-30 who left recently still show the parents' address as
 *       their previous one, and are written with their family's household id.</li>
 *   <li>Twins: 1.7% of births; 30% monozygotic (same sex), so about 35% of twin pairs are a boy and a girl; a
 *       third of twin pairs get given names with the same initial (Lena and Lea, Max and Moritz).</li>
 *   <li>Juniors: 2% of the sons of a father living in the household get his given names (70% all of them, else his
 *       first); another 4% get his first name as their second. No official statistic exists; the figure is an estimate
 *       for a custom that is rare in Germany but does occur. Otherwise no child gets a parent's first given name (nor a
 *       sibling's): names are drawn again, as parents choose.</li>
 * </ul>
 * Everything else about persons (names, places, nationality, titles, addresses) comes from {@link PersonMaker}, as in
 * the classic population.
 */
final class RealisticHouseholds implements Households {
    static final double TWIN_BIRTH_RATE = 0.017;
    /** Share of twin pairs that are monozygotic (always the same sex); the others are boy or girl independently. */
    static final double MONOZYGOTIC_SHARE = 0.30;
    static final double BOY_SHARE = 0.513;
    /** Share of sons with their father in the household who get his given names. */
    static final double JUNIOR_RATE = 0.02;
    /** Share of such sons who get the father's first given name as their second. */
    static final double FATHERS_NAME_SECOND = 0.04;
    /** Share of those aged 18-30 and no longer at home who left recently and are generated with the family. */
    static final double RECENT_LEAVER_SHARE = 0.25;

    /** Age buckets {from, to, weight} of people living alone (Mikrozensus: 45% of them 60 and over). */
    private static final int[][] SINGLE_AGES = {{18, 24, 9}, {25, 34, 18}, {35, 49, 15}, {50, 64, 23}, {65, 79, 21},
        {80, 89, 11}, {90, 99, 3}};
    /** Age buckets of the woman of a couple. */
    private static final int[][] COUPLE_AGES = {{20, 29, 9}, {30, 39, 19}, {40, 49, 19}, {50, 59, 20}, {60, 69, 17},
        {70, 79, 11}, {80, 92, 5}};

    private final PersonMaker m;
    private final SplittableRandom r;
    private final LocalDate referenceDate;

    private long households;
    private long births;
    private long twinBirths;
    private long oppositeSexTwinBirths;
    private long twinPairsTogether;
    private long juniors;
    private long recentLeavers;
    private long couples;
    private long marriedCouples;

    RealisticHouseholds(Lexicon lex, SplittableRandom random, LocalDate referenceDate, SteuerIds steuerIds) {
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
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("twin pairs", twinPairsTogether);
        c.put("births", births);
        c.put("twin births", twinBirths);
        c.put("opposite-sex twin births", oppositeSexTwinBirths);
        c.put("juniors", juniors);
        c.put("recent leavers", recentLeavers);
        c.put("couples", couples);
        c.put("married couples", marriedCouples);
        return c;
    }

    @Override
    public void next(List<Person> out) {
        out.clear();
        households++;
        Origin origin = m.sampleOrigin();
        Address address = m.householdAddress();
        Address previous = r.nextDouble() < 0.10 ? m.movedFrom(address) : null;
        double u = r.nextDouble();
        if (u < 0.405) {
            out.add(single(origin, address, m.sampleAge(SINGLE_AGES), (char) 0));
        } else if (u < 0.875) {
            couple(out, origin, address, m.sampleAge(COUPLE_AGES), false);
        } else if (u < 0.945) {
            singleParent(out, origin, address);
        } else if (u < 0.957) {
            adultWithParent(out, origin, address);
        } else if (u < 0.965) {
            int womanAge = 30 + r.nextInt(22);
            couple(out, origin, address, womanAge, true);
            grandparent(out, address);
        } else {
            sharedFlat(out, address);
        }
        boolean householdBlock = r.nextDouble() < 0.008;
        for (Person p : out) {
            p.household = households;
            if (p.address == address) {
                p.previousAddress = previous;
            }
            p.informationBlock = householdBlock || r.nextDouble() < 0.002;
        }
    }

    // ------------------------------------------------------------------------------------------------ household types

    private Person single(Origin origin, Address address, int age, char forcedSex) {
        char sex;
        if (forcedSex != 0) {
            sex = forcedSex;
        } else if (age < 60 && r.nextDouble() < 0.003) {
            sex = 'd';
        } else {
            sex = r.nextDouble() < (age >= 65 ? 0.68 : 0.46) ? 'w' : 'm';
        }
        Person p = m.newPerson(origin, sex, m.birthDateForAge(age), address, m.familyName(origin, sex == 'w'));
        p.relation = Relation.HEAD;
        double everMarried = age < 30 ? 0.08 : age < 45 ? 0.40 : age < 65 ? 0.70 : 0.92;
        if (sex != 'd' && r.nextDouble() < everMarried) {
            p.married = true;
            // divorced or widowed: most women (and a few men) still carry the name of the marriage
            if (r.nextDouble() < (sex == 'w' ? 0.72 : 0.06)) {
                p.birthName = p.familyName;
                String spouseName = PersonMaker.adapt(m.familyName(m.spouseOrigin(origin), false), p);
                p.familyName = r.nextDouble() < 0.1 ? spouseName + "-" + p.birthName : spouseName;
            }
        }
        return p;
    }

    /** A couple; children of the woman's (and, as a rule, the man's) still at home; {@code withChildren} insists. */
    private void couple(List<Person> out, Origin origin, Address address, int womanAge, boolean withChildren) {
        couples++;
        int manAge = Math.max(18, womanAge + (int) Math.round(2.5 + r.nextGaussian() * 4));
        Origin partnerOrigin = m.spouseOrigin(origin);
        boolean womanIsHeadOrigin = r.nextBoolean();
        Origin womanOrigin = womanIsHeadOrigin ? origin : partnerOrigin;
        Origin manOrigin = womanIsHeadOrigin ? partnerOrigin : origin;
        // "woman" and "man" name the two partners; 1.2% of the couples without children are two women or two men
        char womanSex = 'w';
        char manSex = 'm';
        if (!withChildren && r.nextDouble() < 0.012) {
            if (r.nextBoolean()) {
                manSex = 'w';
            } else {
                womanSex = 'm';
            }
        }
        String manBase = m.familyName(manOrigin, false);
        String womanBase = m.familyName(womanOrigin, false);
        Person woman = m.newPerson(womanOrigin, womanSex, m.birthDateForAge(womanAge), address, womanBase);
        Person man = m.newPerson(manOrigin, manSex, m.birthDateForAge(manAge), address, manBase);
        woman.familyName = PersonMaker.adapt(womanBase, woman);
        man.familyName = PersonMaker.adapt(manBase, man);
        boolean heterosexual = woman.sex != man.sex;

        double marriedShare = womanAge < 30 ? 0.40 : womanAge < 45 ? 0.72 : womanAge < 65 ? 0.87 : 0.94;
        boolean married = r.nextDouble() < (heterosexual ? marriedShare : 0.6);
        String childrenBase = r.nextDouble() < 0.5 ? manBase : womanBase;
        if (married) {
            marriedCouples++;
            man.married = true;
            woman.married = true;
            double u = r.nextDouble();
            if (u < 0.74) { // common name: the husband's
                woman.birthName = woman.familyName;
                woman.familyName = PersonMaker.adapt(manBase, woman);
                childrenBase = manBase;
            } else if (u < 0.82) { // the husband's name plus her own (Begleitname)
                woman.birthName = woman.familyName;
                String common = PersonMaker.adapt(manBase, woman);
                woman.familyName = r.nextBoolean() ? common + "-" + woman.birthName : woman.birthName + "-" + common;
                childrenBase = manBase;
            } else if (u < 0.88) { // common name: the wife's
                man.birthName = man.familyName;
                man.familyName = PersonMaker.adapt(womanBase, man);
                childrenBase = womanBase;
            } else { // both keep their names
                childrenBase = r.nextDouble() < 0.65 ? manBase : womanBase;
            }
        }
        // the man is the head (the father of a family, so that a junior carries the head's name)
        Person head = heterosexual ? man : woman;
        Person other = heterosexual ? woman : man;
        head.relation = Relation.HEAD;
        other.relation = married ? Relation.SPOUSE : Relation.PARTNER;
        out.add(head);
        out.add(other);
        if (heterosexual) {
            int children = r.nextDouble() < 0.18 && !withChildren ? 0 : 1 + m.pickIndex(0.33, 0.47, 0.15, 0.05);
            addChildren(out, woman, man, origin, childrenBase, address, children, withChildren);
        }
    }

    private void singleParent(List<Person> out, Origin origin, Address address) {
        int age = 24 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 34);
        boolean mother = r.nextDouble() < 0.85;
        Person parent = single(origin, address, age, mother ? 'w' : 'm');
        out.add(parent);
        String childrenBase = r.nextDouble() < 0.8 ? parent.familyName : m.familyName(m.spouseOrigin(origin), false);
        addChildren(out, parent, mother ? null : parent, origin, childrenBase, address,
                1 + m.pickIndex(0.50, 0.35, 0.11, 0.04), true);
    }

    /** A middle-aged son or daughter, single or divorced, with a widowed parent. */
    private void adultWithParent(List<Person> out, Origin origin, Address address) {
        Person head = single(origin, address, 45 + r.nextInt(24), r.nextDouble() < 0.55 ? 'm' : 'w');
        out.add(head);
        out.add(parentOf(head, address, r.nextDouble() < 0.75 ? 'w' : 'm'));
    }

    /** Adds the widowed mother (70%) or father of the head (60%) or of the spouse. */
    private void grandparent(List<Person> out, Address address) {
        Person of = r.nextDouble() < 0.6 ? out.get(0) : out.get(1);
        out.add(parentOf(of, address, r.nextDouble() < 0.7 ? 'w' : 'm'));
    }

    private Person parentOf(Person child, Address address, char sex) {
        int age = Math.min(100, child.ageOn(referenceDate) + 22 + r.nextInt(17));
        String family = child.birthName != null ? child.birthName : child.familyName;
        Person elder = m.newPerson(child.origin, sex, m.birthDateForAge(age), address, family);
        elder.familyName = PersonMaker.adapt(FamilyNames.baseForm(family), elder);
        elder.married = true;
        elder.relation = Relation.PARENT;
        if (sex == 'w' && r.nextDouble() < 0.9) { // older women almost all took the husband's name
            elder.birthName = PersonMaker.adapt(m.familyName(child.origin, false), elder);
        }
        return elder;
    }

    private void sharedFlat(List<Person> out, Address address) {
        int members = 2 + m.pickIndex(0.6, 0.3, 0.1);
        for (int i = 0; i < members; i++) {
            Person p = single(m.sampleOrigin(), address, 19 + r.nextInt(16), (char) 0);
            p.relation = i == 0 ? Relation.HEAD : Relation.OTHER;
            out.add(p);
        }
    }

    // ------------------------------------------------------------------------------------------------ children

    /**
     * The children a mother (or a single father) has had, of which those still at home (and recent leavers) are
     * added. With {@code atLeastOne}, a household left without children gets one under 18.
     */
    private void addChildren(List<Person> out, Person parent, Person father, Origin origin, String familyBase,
            Address address, int count, boolean atLeastOne) {
        boolean parentIsMother = parent.sex == 'w';
        double ageAtBirth = Math.max(17, Math.min(43, 29.5 + r.nextGaussian() * 4.5)) + (parentIsMother ? 0 : 3);
        int before = out.size();
        boolean hadTwins = false;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ageAtBirth += 1 + r.nextInt(4) + r.nextDouble();
            }
            LocalDate birth = parent.birthDate.plusDays((long) (ageAtBirth * 365.25));
            if (birth.isAfter(referenceDate)) {
                break;
            }
            births++;
            boolean twins = !hadTwins && r.nextDouble() < TWIN_BIRTH_RATE;
            char sex = r.nextDouble() < BOY_SHARE ? 'm' : 'w';
            if (!twins) {
                addChild(out, before, parent, father, origin, sex, birth, familyBase, address, Relation.CHILD, null);
                continue;
            }
            hadTwins = true;
            twinBirths++;
            char twinSex = r.nextDouble() < MONOZYGOTIC_SHARE ? sex : r.nextDouble() < BOY_SHARE ? 'm' : 'w';
            if (twinSex != sex) {
                oppositeSexTwinBirths++;
            }
            Person first = addChild(out, before, parent, father, origin, sex, birth, familyBase, address, Relation.TWIN, null);
            Person second = addChild(out, before, parent, father, origin, twinSex, birth, familyBase, address, Relation.TWIN,
                    first);
            if (first != null && second != null && first.address == address && second.address == address) {
                twinPairsTogether++;
            }
        }
        if (atLeastOne && out.size() == before) {
            int maxAge = Math.max(0, Math.min(17, parent.ageOn(referenceDate) - 18));
            LocalDate birth = referenceDate.minusDays(1 + r.nextInt(maxAge * 365 + 300));
            births++;
            addChild(out, before, parent, father, origin, r.nextDouble() < BOY_SHARE ? 'm' : 'w', birth, familyBase, address,
                    Relation.CHILD, null);
        }
    }

    /**
     * Adds a child if it still lives at home or left recently (then with an address of its own and the family's as
     * the previous one); returns it, or {@code null} if it is not generated.
     */
    private Person addChild(List<Person> out, int firstChild, Person parent, Person father, Origin origin, char sex,
            LocalDate birth, String familyBase, Address address, Relation relation, Person twin) {
        int age = (int) ChronoUnit.YEARS.between(birth, referenceDate);
        boolean atHome = age < 18 || r.nextDouble() < stillAtHome(age, sex);
        boolean leaver = !atHome && age <= 30 && r.nextDouble() < RECENT_LEAVER_SHARE;
        if (!atHome && !leaver) {
            return null;
        }
        Person kid = m.newPerson(origin, sex, birth, address, familyBase);
        kid.familyName = PersonMaker.adapt(FamilyNames.baseForm(familyBase), kid);
        kid.relation = relation;
        // siblings get different names, and parents do not give a child their own by chance (juniors are on purpose)
        List<Person> parents = List.of(parent, father == null ? parent : father);
        for (int attempt = 0; attempt < 6 && (PersonMaker.sharesGivenName(kid, out, firstChild)
                || PersonMaker.sharesGivenName(kid, parents, 0)); attempt++) {
            kid.givenNames = m.givenNames(origin, birth.getYear(), sex, false);
        }
        if (twin != null) {
            kid.birthPlace = twin.birthPlace;
            kid.nationality = twin.nationality;
            if (r.nextDouble() < 0.33) {
                sameInitial(kid, twin, origin);
            }
        }
        if (father != null && sex == 'm' && relation == Relation.CHILD) { // twins keep their label
            String fathers = PersonMaker.firstGivenName(father.givenNames);
            double u = r.nextDouble();
            if (u < JUNIOR_RATE && !PersonMaker.sharesName(fathers, out, firstChild)) {
                kid.givenNames = r.nextDouble() < 0.7 ? father.givenNames : fathers;
                kid.relation = Relation.JUNIOR;
                juniors++;
            } else if (u < JUNIOR_RATE + FATHERS_NAME_SECOND && kid.givenNames.indexOf(' ') < 0
                    && kid.givenNames.indexOf('-') < 0 && !kid.givenNames.equals(fathers)) {
                kid.givenNames = kid.givenNames + " " + fathers;
            }
        }
        if (leaver) {
            recentLeavers++;
            kid.address = m.movedFrom(address);
            kid.previousAddress = address;
        }
        out.add(kid);
        return kid;
    }

    /**
     * Share of sons (daughters) of an age who still live with their parents (Eurostat, Germany: sons leave at 24.4
     * on average, daughters at 23.1).
     */
    private static double stillAtHome(int age, char sex) {
        boolean son = sex == 'm';
        if (age < 20) {
            return 0.90;
        } else if (age < 22) {
            return son ? 0.72 : 0.60;
        } else if (age < 25) {
            return son ? 0.52 : 0.38;
        } else if (age < 28) {
            return son ? 0.30 : 0.15;
        } else if (age < 31) {
            return son ? 0.14 : 0.06;
        } else if (age < 36) {
            return son ? 0.06 : 0.025;
        }
        return son ? 0.02 : 0.01;
    }

    /** Gives the second twin a given name with the first twin's initial, if one turns up in a few draws. */
    private void sameInitial(Person kid, Person twin, Origin origin) {
        char initial = twin.givenNames.charAt(0);
        String first = PersonMaker.firstGivenName(twin.givenNames);
        for (int attempt = 0; attempt < 30; attempt++) {
            String candidate = m.givenNames(origin, kid.birthDate.getYear(), kid.sex, false);
            if (candidate.charAt(0) == initial && !PersonMaker.firstGivenName(candidate).equals(first)) {
                kid.givenNames = candidate;
                return;
            }
        }
    }
}
