package de.grw.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The household pairs' sample is drawn alike whoever draws it ({@link HouseholdPairs}): the draws a run of the pairs
 * finds with {@link HouseholdPairs#firstDrawnAt} (the Spark job's ranges) are exactly the positions the engine draws
 * over all pairs at once, and the engine's in-memory way leaves out the candidates and draws evenly.
 */
class HouseholdPairsTest {

    @Test
    void theRangesDrawTogetherExactlyTheEnginesPositions() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            long count = 1 + random.nextInt(round < 150 ? 50 : 5_000_000);
            int sample = HouseholdPairs.sampleSize(count, 1 + random.nextInt(round % 2 == 0 ? 30 : 100_000));
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < sample; i++) {
                expected.add(HouseholdPairs.position(i, count, sample));
            }
            // cut the pairs into runs of random length, some empty
            List<Long> drawn = new ArrayList<>();
            long at = 0;
            while (at < count) {
                long length = random.nextInt(4) == 0 ? 0 : 1 + random.nextLong(Math.max(1, count / 5));
                long to = Math.min(count, at + length);
                for (int i = HouseholdPairs.firstDrawnAt(at, count, sample);
                     i < HouseholdPairs.firstDrawnAt(to, count, sample); i++) {
                    long position = HouseholdPairs.position(i, count, sample);
                    assertThat(position).isBetween(at, to - 1);
                    drawn.add(position);
                }
                at = to;
            }
            assertThat(drawn).as("count %d, sample %d", count, sample).isEqualTo(expected);
        }
    }

    @Test
    void theEnginesWayLeavesTheCandidatesOutAndDrawsEvenly() {
        long[] household = new long[100];
        for (int i = 0; i < household.length; i++) {
            household[i] = 10L * i;
        }
        // every fourth household pair is a candidate: 75 remain, 10 drawn at 0, 7.5, 15, ... of them
        HouseholdPairs pairs = HouseholdPairs.inMemory(household, p -> p % 40 == 0, some -> some);
        HouseholdPairs.Drawn all = pairs.draw(1_000);
        assertThat(all.count()).isEqualTo(75);
        assertThat(all.sample().patterns()).hasSize(75);
        assertThat(java.util.Arrays.stream(all.sample().patterns()).filter(p -> p % 40 == 0)).isEmpty();
        HouseholdPairs.Drawn ten = pairs.draw(10);
        assertThat(ten.count()).isEqualTo(75);
        assertThat(ten.sample().patterns()).containsExactly(10, 100, 210, 300, 410, 500, 610, 700, 810, 900);
        assertThat(HouseholdPairs.inMemory(household, p -> true, some -> some).draw(10))
                .isSameAs(HouseholdPairs.Drawn.NONE);
    }
}
