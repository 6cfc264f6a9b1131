package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private final Lexicon lex = Lexicon.get();

    @Test
    void citiesHavePlausiblePostalCodes() {
        assertThat(lex.cities).hasSizeGreaterThan(300);
        Set<String> names = new HashSet<>();
        for (City c : lex.cities) {
            assertThat(names.add(c.name())).as("unique %s", c.name()).isTrue();
            assertThat(c.plzFrom()).isBetween(1_000, 99_999).isLessThanOrEqualTo(c.plzTo());
        }
        City dresden = city("Dresden");
        assertThat(dresden.plzFrom()).isEqualTo(1067); // written as 01067
        assertThat(city("Frankfurt am Main").variants()).contains("Frankfurt a. M.");
    }

    @Test
    void bigCitiesAreDrawnMoreOften() {
        SplittableRandom r = new SplittableRandom(3);
        int berlin = 0;
        int oberhof = 0;
        for (int i = 0; i < 50_000; i++) {
            String name = lex.citySampler.sample(r).name();
            berlin += name.equals("Berlin") ? 1 : 0;
            oberhof += name.equals("Oberhof") ? 1 : 0;
        }
        assertThat(berlin).isGreaterThan(20 * Math.max(1, oberhof));
    }

    @Test
    void familyNamesHaveAFrequentHeadAndALongTail() {
        assertThat(lex.familyNameCount).isGreaterThan(3_500);
        assertThat(lex.familyDeHead.get(0)).isEqualTo("Müller");
        assertThat(lex.familyDeHead.probability(0)).isGreaterThan(lex.familyDeHead.probability(100) * 5);
        assertThat(lex.familyDeTail.size()).isGreaterThan(2_500);
        for (int i = 0; i < lex.familyDeTail.size(); i++) {
            String name = lex.familyDeTail.get(i);
            assertThat(name).matches("\\p{Lu}\\p{Ll}+").doesNotContainPattern("(.)\\1\\1");
        }
        assertThat(List.of(lex.familyNames(Origin.TR).get(0), lex.familyNames(Origin.PL).get(1)))
                .containsExactly("Yılmaz", "Kowalski");
    }

    @Test
    void givenNamesDependOnTheBirthDecade() {
        assertThat(lex.givenNames(Origin.DE, 1938, true).get(0)).isEqualTo("Ursula");
        assertThat(lex.givenNames(Origin.DE, 2015, true).get(0)).isEqualTo("Mia");
        assertThat(lex.givenNames(Origin.DE, 1965, false).get(0)).isEqualTo("Thomas");
        assertThat(lex.givenNames(Origin.DE, 1890, false).get(0)).as("earlier births use the 1920s").isEqualTo("Hans");
        assertThat(lex.givenNames(Origin.TR, 1970, false).get(0)).isEqualTo("Mehmet");
    }

    @Test
    void aliasSamplingFollowsTheWeights() {
        WeightedSampler<String> s = new WeightedSampler<>(List.of("a", "b", "c"), new double[] {1, 2, 7});
        SplittableRandom r = new SplittableRandom(9);
        int[] counts = new int[3];
        for (int i = 0; i < 100_000; i++) {
            counts["abc".indexOf(s.sample(r))]++;
        }
        assertThat(counts[0]).isBetween(9_000, 11_000);
        assertThat(counts[1]).isBetween(19_000, 21_000);
        assertThat(counts[2]).isBetween(68_000, 72_000);
    }

    private City city(String name) {
        return lex.cities.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
