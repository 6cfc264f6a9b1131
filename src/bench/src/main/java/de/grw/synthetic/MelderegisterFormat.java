package de.grw.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code melderegister.csv}, the registration office: UTF-8 with byte order mark, {@code ;}, CRLF, dates
 * {@code dd.MM.yyyy}, sex {@code m/w/d}, information block {@code ja} or empty. It is the most complete and current
 * source: all columns, the current address, names as registered (nothing transliterated).
 */
final class MelderegisterFormat extends SourceFormat {
    static final String NAME = "melderegister";
    static final String HEADER = "Ordnungsmerkmal;Familienname;Geburtsname;Vornamen;Doktorgrad;Geschlecht;"
            + "Geburtsdatum;Geburtsort;Staatsangehörigkeit;Straße;Hausnummer;PLZ;Wohnort;Steuer-ID;Auskunftssperre";

    private long next = 100_000_000L;

    MelderegisterFormat() {
        super(NAME, StandardCharsets.UTF_8, true, "\r\n", HEADER);
    }

    @Override
    double previousAddressShare() {
        return 0.0;
    }

    @Override
    double staleNameShare() {
        return 0.0;
    }

    @Override
    void restrict(Rec rec, Person person, SplittableRandom r) {
        // the birth name is recorded for 90% of the people whose name changed
        rec.birthName = rec.birthName != null && r.nextDouble() < 0.9 ? rec.birthName : "";
        if (r.nextDouble() < 0.02) {
            rec.steuerId = ""; // not yet transmitted by the federal tax office
        }
    }

    @Override
    String cellsAfterId(Rec rec, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(160);
        char d = ';';
        cell(sb, d, rec.family);
        cell(sb, d, rec.birthName);
        cell(sb, d, rec.given);
        cell(sb, d, rec.title);
        cell(sb, d, rec.sex == 0 ? "" : String.valueOf(rec.sex));
        cell(sb, d, germanDate(rec, false));
        cell(sb, d, rec.birthPlace);
        cell(sb, d, rec.nationality);
        cell(sb, d, rec.street);
        cell(sb, d, rec.houseNumber);
        cell(sb, d, rec.plz);
        cell(sb, d, rec.city);
        cell(sb, d, rec.steuerId);
        cell(sb, d, rec.informationBlock ? "ja" : "");
        return sb.toString();
    }

    @Override
    String nextId(SplittableRandom r) {
        next += 1 + r.nextInt(3);
        return Long.toString(next);
    }
}
