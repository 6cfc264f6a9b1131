package de.grw.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code kfz_halter.csv}, the vehicle registry: UTF-8 without byte order mark, {@code ,}, LF, dates {@code yyyy-MM-dd}
 * (15% {@code yyyyMMdd}). A legacy system: 55% of the records are upper case, and those spell umlauts as AE/OE/UE (70%),
 * drop the dots (20%, MULLER) or keep them (10%); mixed-case records transliterate 25% of the time. 25% of the records
 * hold only the first given name, 30% abbreviate "Straße". No title, sex, tax id or birth data beyond the date. Records
 * of people who moved show the old address 45% of the time.
 */
final class KfzHalterFormat extends SourceFormat {
    static final String NAME = "kfz_halter";
    static final String HEADER = "halter_nr,nachname,vorname,geburtsdatum,strasse,hausnr,plz,ort";

    private long next = 4_000_000L;

    KfzHalterFormat() {
        super(NAME, StandardCharsets.UTF_8, false, "\n", HEADER);
    }

    @Override
    double previousAddressShare() {
        return 0.45;
    }

    @Override
    double staleNameShare() {
        return 0.05;
    }

    @Override
    void restrict(Rec rec, Person person, SplittableRandom r) {
        rec.birthName = null;
        rec.birthPlace = null;
        rec.nationality = null;
        rec.steuerId = null;
        rec.title = null;
        rec.sex = 0;
        if (r.nextDouble() < 0.25) {
            rec.given = PersonMaker.firstGivenName(rec.given);
        }
    }

    @Override
    String cellsAfterId(Rec rec, SplittableRandom r) {
        boolean upper = r.nextDouble() < 0.55;
        double u = r.nextDouble();
        int umlauts = upper ? (u < 0.7 ? 1 : u < 0.9 ? 2 : 0) : (u < 0.25 ? 1 : 0); // 0 keep, 1 AE, 2 drop
        String street = orEmpty(rec.street);
        if (r.nextDouble() < 0.3) {
            street = TextNoise.abbreviateStreet(street);
        }
        String family = rec.title != null ? rec.title + " " + rec.family : rec.family;
        StringBuilder sb = new StringBuilder(100);
        char d = ',';
        cell(sb, d, spell(family, upper, umlauts));
        cell(sb, d, spell(rec.given, upper, umlauts));
        cell(sb, d, isoDate(rec, r.nextDouble() < 0.15));
        cell(sb, d, spell(street, upper, umlauts));
        cell(sb, d, spell(rec.houseNumber, upper, umlauts));
        cell(sb, d, rec.plz);
        cell(sb, d, spell(rec.city, upper, umlauts));
        return sb.toString();
    }

    private static String spell(String s, boolean upper, int umlauts) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        if (umlauts == 1) {
            s = TextNoise.foldToAscii(TextNoise.transliterate(s));
        } else if (umlauts == 2) {
            s = TextNoise.foldToAscii(TextNoise.dropUmlauts(s));
        }
        return upper ? TextNoise.upper(s) : s;
    }

    @Override
    String nextId(SplittableRandom r) {
        next += 1 + r.nextInt(5);
        return Long.toString(next);
    }
}
