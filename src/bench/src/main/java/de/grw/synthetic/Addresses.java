package de.grw.synthetic;

import java.util.SplittableRandom;

/** Addresses of the synthetic population: sampled in a town, and moved to another. */
final class Addresses {
    private Addresses() {
    }

    /** Another address, in the same town or (if {@code sameTown} is false) in a random town. */
    static Address moved(Lexicon lex, Address current, boolean sameTown, SplittableRandom r) {
        City city = current.city();
        if (!sameTown) {
            for (int i = 0; i < 4 && city.equals(current.city()); i++) {
                city = lex.citySampler.sample(r);
            }
        }
        Address other = sample(lex, city, r);
        if (other.street().equals(current.street()) && other.city().equals(current.city())) {
            other = sample(lex, city, r);
        }
        return other;
    }

    /** A street from the frequency list, a house number 1-150 (7% with letter, 1.5% ranges), a PLZ of the town. */
    static Address sample(Lexicon lex, City city, SplittableRandom r) {
        String street = lex.streets.sample(r);
        int number = 1 + (int) (-Math.log(1 - r.nextDouble()) * 22);
        if (number > 150) {
            number = 1 + r.nextInt(150);
        }
        double u = r.nextDouble();
        String house;
        if (u < 0.07) {
            double v = r.nextDouble();
            char letter = v < 0.6 ? 'a' : v < 0.85 ? 'b' : v < 0.95 ? 'c' : 'd';
            house = Integer.toString(number) + letter;
        } else if (u < 0.085) {
            house = number + "-" + (number + 2);
        } else {
            house = Integer.toString(number);
        }
        int plz = city.plzFrom() + r.nextInt(city.plzTo() - city.plzFrom() + 1);
        return new Address(street, house, plz5(plz), city);
    }

    static String plz5(int plz) {
        String s = Integer.toString(plz);
        return s.length() >= 5 ? s : "00000".substring(s.length()) + s;
    }
}
