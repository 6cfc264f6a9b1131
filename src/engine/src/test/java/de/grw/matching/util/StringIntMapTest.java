package de.grw.matching.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringIntMapTest {
    @Test
    void indexOfNumbersValuesInTheOrderTheyFirstCameAndAppendsEachOnce() {
        StringIntMap map = new StringIntMap(4); // small, so that it grows many times
        List<String> dictionary = new ArrayList<>();
        Map<String, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String v = "w" + random.nextInt(3_000);
            int expected = reference.computeIfAbsent(v, k -> reference.size());
            assertThat(map.indexOf(new String(v), dictionary)).isEqualTo(expected);
        }
        assertThat(dictionary).hasSize(reference.size());
        assertThat(map.size()).isEqualTo(reference.size());
        reference.forEach((v, code) -> {
            assertThat(dictionary.get(code)).isEqualTo(v);
            assertThat(map.get(v)).isEqualTo(code);
        });
        assertThat(map.get("absent")).isEqualTo(StringIntMap.ABSENT);
    }
}
