package de.grw.matching.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmbiguousLinksTest {
    /** Records 1 and 2 (father and son) can never be one person. */
    private static final PairConstraint FATHER_AND_SON = (a, b) -> a + b == 3 && a != b;

    @Test
    void aRecordThatFitsTwoPeopleEquallyJoinsNeither() {
        // record 0 (a car without birth date) links to 1 and 2 with the same weight
        boolean[] keep = AmbiguousLinks.keep(3, new int[] {0, 0}, new int[] {1, 2}, new float[] {7.7f, 7.7f}, 0,
                FATHER_AND_SON);
        assertThat(keep).containsExactly(false, false);
    }

    @Test
    void aClearlyStrongerLinkWinsAndTheWeakerGoes() {
        boolean[] keep = AmbiguousLinks.keep(3, new int[] {0, 0}, new int[] {1, 2}, new float[] {12f, 3f}, 0,
                FATHER_AND_SON);
        assertThat(keep).containsExactly(true, false);
    }

    @Test
    void linksToTwoRecordsOfOnePersonDoNotCompete() {
        boolean[] keep = AmbiguousLinks.keep(3, new int[] {0, 0}, new int[] {1, 2}, new float[] {7.7f, 7.7f}, 0,
                PairConstraint.NONE);
        assertThat(keep).containsExactly(true, true);
    }

    @Test
    void theThresholdIsTheClusteringsOwn() {
        // at a threshold of 0.2 (weight -2) an even split (share 1/3 each with the 1 of "neither") still links
        boolean[] keep = AmbiguousLinks.keep(3, new int[] {0, 0}, new int[] {1, 2}, new float[] {7.7f, 7.7f},
                Math.log(0.2 / 0.8) / Math.log(2), FATHER_AND_SON);
        assertThat(keep).containsExactly(true, true);
    }
}
