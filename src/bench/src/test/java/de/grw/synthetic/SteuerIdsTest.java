package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SteuerIdsTest {

    @Test
    void issuesUniqueValidIds() {
        SteuerIds ids = new SteuerIds(42);
        Set<String> seen = new HashSet<>();
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ids.next();
            if (!SteuerIds.isValid(id) || !seen.add(id)) { // isValid checks 11 digits, first not 0
                broken.add(id);
            }
        }
        assertThat(broken).isEmpty();
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void sameSeedSameSequence() {
        SteuerIds a = new SteuerIds(5);
        SteuerIds b = new SteuerIds(5);
        SteuerIds c = new SteuerIds(6);
        String first = a.next();
        assertThat(b.next()).isEqualTo(first);
        assertThat(c.next()).isNotEqualTo(first);
    }

    @Test
    void recognisesPublishedExamplesAndRejectsBrokenOnes() {
        assertThat(SteuerIds.isValid("86095742719")).isTrue();
        assertThat(SteuerIds.isValid("47036892816")).isTrue();
        assertThat(SteuerIds.isValid("86095742718")).as("wrong check digit").isFalse();
        assertThat(SteuerIds.isValid("06095742719")).as("leading zero").isFalse();
        assertThat(SteuerIds.isValid("12345678903")).as("no repeated digit").isFalse();
        assertThat(SteuerIds.isValid("11123456789")).as("three in a row").isFalse();
        assertThat(SteuerIds.isValid("8609574271")).as("ten digits").isFalse();
    }
}
