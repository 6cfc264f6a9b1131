package de.grw.synthetic;

import java.util.List;

/**
 * A German municipality with the range of its postal codes and other spellings of its name (Frankfurt a. M.).
 *
 * @param populationThousands approximate population, used as sampling weight
 */
record City(String name, int populationThousands, int plzFrom, int plzTo, List<String> variants) {
}
