package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realistic household model against the German figures it claims (see {@link RealisticHouseholds}): household
 * sizes, adults, couples and marriages, married names, twins and their sex mix, juniors. Built in memory, no files.
 */
class RealisticHouseholdsTest {
    private static final LocalDate TODAY = GeneratorConfig.DEFAULT_REFERENCE_DATE;
    private static final int HOUSEHOLDS = 60_000;

    private static RealisticHouseholds factory;
    /** Members living at the household's address, per household. */
    private static final List<List<Person>> homes = new ArrayList<>();
    /** Persons generated with a family but living elsewhere (recent leavers). */
    private static final List<Person> leavers = new ArrayList<>();

    @BeforeAll
    static void generate() {
        factory = new RealisticHouseholds(Lexicon.get(), new SplittableRandom(11), TODAY, new SteuerIds(11));
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            factory.next(out);
            List<Person> home = new ArrayList<>();
            for (Person p : out) {
                (p.address == out.get(0).address ? home : leavers).add(p);
            }
            homes.add(home);
        }
    }

    @Test
    void householdSizesFollowTheMicroCensus() {
        int[] bySize = new int[6];
        long persons = 0;
        for (List<Person> h : homes) {
            bySize[Math.min(5, h.size())]++;
            persons += h.size();
        }
        // Mikrozensus 2023: 41% one person, 34% two, 12% three, 9% four, 4% five and more; 2.0 persons per household
        assertThat(share(bySize[1])).isBetween(0.38, 0.44);
        assertThat(share(bySize[2])).isBetween(0.30, 0.37);
        assertThat(share(bySize[3])).isBetween(0.10, 0.15);
        assertThat(share(bySize[4])).isBetween(0.07, 0.12);
        assertThat(share(bySize[5])).isBetween(0.02, 0.06);
        assertThat(persons / (double) HOUSEHOLDS).isBetween(1.9, 2.15);
        assertThat(factory.households()).isEqualTo(HOUSEHOLDS);
    }

    @Test
    void aboutFiveInSixAreAdults() {
        long adults = 0;
        long all = 0;
        for (List<Person> h : homes) {
            for (Person p : h) {
                all++;
                adults += p.ageOn(TODAY) >= 18 ? 1 : 0;
            }
        }
        assertThat(adults / (double) all).isBetween(0.79, 0.87);
    }

    @Test
    void mostCouplesAreMarriedAndMostWivesTookAnotherName() {
        Map<String, Long> c = factory.counts();
        assertThat(c.get("married couples") / (double) c.get("couples")).isBetween(0.78, 0.88);
        long wives = 0;
        long renamed = 0;
        for (List<Person> h : homes) {
            for (Person p : h) {
                if (p.sex == 'w' && (p.relation == Relation.SPOUSE)) {
                    wives++;
                    renamed += p.birthName != null ? 1 : 0;
                }
            }
        }
        // 74% the husband's name, 8% with a Begleitname
        assertThat(renamed / (double) wives).isBetween(0.76, 0.88);
    }

    @Test
    void twinsAreAboutOneBirthInSixtyAndAThirdBoyAndGirl() {
        Map<String, Long> c = factory.counts();
        double twinShare = c.get("twin births") / (double) c.get("births");
        assertThat(twinShare).isBetween(0.014, 0.020);
        double opposite = c.get("opposite-sex twin births") / (double) c.get("twin births");
        assertThat(opposite).isBetween(0.29, 0.41);
        int together = 0;
        int oppositeTogether = 0;
        for (List<Person> h : homes) {
            List<Person> twins = h.stream().filter(p -> p.relation == Relation.TWIN).toList();
            if (twins.size() == 2) {
                together++;
                Person a = twins.get(0);
                Person b = twins.get(1);
                assertThat(a.birthDate).isEqualTo(b.birthDate);
                // the same name, or its feminine form (Kowalski, Kowalska; Petridis, Petridi)
                assertThat(FamilyNames.feminine(FamilyNames.baseForm(a.familyName), a.origin))
                        .isEqualTo(FamilyNames.feminine(FamilyNames.baseForm(b.familyName), b.origin));
                assertThat(PersonMaker.firstGivenName(a.givenNames)).isNotEqualTo(
                        PersonMaker.firstGivenName(b.givenNames));
                assertThat(a.number).isNotEqualTo(b.number);
                assertThat(a.steuerId).isNotEqualTo(b.steuerId);
                oppositeTogether += a.sex != b.sex ? 1 : 0;
            } else {
                assertThat(twins.size()).as("at most one twin pair per household, or one twin left home").isLessThan(2);
            }
        }
        assertThat((long) together).isEqualTo(c.get("twin pairs")).isGreaterThan(100);
        assertThat(oppositeTogether / (double) together).isBetween(0.22, 0.48);
    }

    @Test
    void juniorsCarryTheirFathersNameAndAreAGenerationYounger() {
        int juniors = 0;
        for (List<Person> h : homes) {
            Person head = h.get(0);
            for (Person p : h) {
                if (p.relation != Relation.JUNIOR) {
                    continue;
                }
                juniors++;
                assertThat(head.relation).isEqualTo(Relation.HEAD);
                assertThat(head.sex).isEqualTo('m');
                assertThat(p.sex).isEqualTo('m');
                assertThat(PersonMaker.firstGivenName(p.givenNames)).isEqualTo(
                        PersonMaker.firstGivenName(head.givenNames));
                assertThat(p.address).isSameAs(head.address);
                int gap = p.birthDate.getYear() - head.birthDate.getYear();
                assertThat(gap).isBetween(16, 56);
            }
        }
        long sons = homes.stream().flatMap(List::stream)
                .filter(p -> p.sex == 'm' && p.relation.isChild()).count();
        assertThat(juniors).isGreaterThan(50);
        assertThat(juniors / (double) sons).isBetween(0.01, 0.035);
    }

    @Test
    void adultChildrenLiveAtHomeAndSomeLeftRecently() {
        long adultChildren = homes.stream().flatMap(List::stream)
                .filter(p -> p.relation.isChild() && p.ageOn(TODAY) >= 18).count();
        long children = homes.stream().flatMap(List::stream).filter(p -> p.relation.isChild()).count();
        // Mikrozensus: about a quarter of the children in families are of age
        assertThat(adultChildren / (double) children).isBetween(0.15, 0.35);
        assertThat(leavers).isNotEmpty();
        Map<Long, Address> homeOf = new HashMap<>();
        for (List<Person> h : homes) {
            homeOf.put(h.get(0).household, h.get(0).address);
        }
        for (Person p : leavers) {
            assertThat(p.relation.isChild()).isTrue();
            assertThat(p.ageOn(TODAY)).isBetween(18, 31);
            assertThat(p.previousAddress).isSameAs(homeOf.get(p.household));
            assertThat(p.address).isNotSameAs(p.previousAddress);
        }
    }

    @Test
    void everyHouseholdHasOneHeadAndRelationsFitTheAges() {
        for (List<Person> h : homes) {
            assertThat(h.stream().filter(p -> p.relation == Relation.HEAD).count()).isEqualTo(1);
            Person head = h.get(0);
            assertThat(head.relation).isEqualTo(Relation.HEAD);
            assertThat(head.ageOn(TODAY)).isGreaterThanOrEqualTo(18);
            for (Person p : h) {
                assertThat(p.household).isEqualTo(head.household);
                if (p.relation == Relation.PARENT) {
                    assertThat(p.ageOn(TODAY)).isGreaterThan(head.ageOn(TODAY) - 25);
                }
            }
        }
    }

    private static double share(int n) {
        return n / (double) HOUSEHOLDS;
    }
}
