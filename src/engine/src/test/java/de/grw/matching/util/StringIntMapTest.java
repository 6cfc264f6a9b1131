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

    @Test
    void indexOfPutAndGetAgreeOnKeysOfEqualHashCodes() {
        // "Aa" and "BB" have the same hash code, so words built of them share probe chains
        StringIntMap map = new StringIntMap(2);
        List<String> dictionary = new ArrayList<>();
        Map<String, Integer> reference = new HashMap<>();
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                sb.append(random.nextBoolean() ? "Aa" : "BB");
            }
            String v = sb.append(random.nextInt(20)).toString();
            if (random.nextInt(4) == 0) {
                int value = 100_000 + i;
                map.put(v, value);
                reference.put(v, value);
                dictionary.add(null); // keeps the dictionary's size the count of keys, as put gives no position
            } else {
                int expected = reference.computeIfAbsent(v, k -> dictionary.size());
                assertThat(map.indexOf(new String(v), dictionary)).isEqualTo(expected);
            }
            assertThat(map.get(v)).isEqualTo(reference.get(v));
        }
        assertThat(map.size()).isEqualTo(reference.size());
        reference.forEach((v, code) -> assertThat(map.get(v)).isEqualTo(code));
    }
}
