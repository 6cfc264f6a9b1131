package de.grw.synthetic;

import java.nio.charset.Charset;
import java.util.SplittableRandom;

/**
 * {@code sozialamt.csv}, the social-welfare office: Windows-1252, {@code ;}, CRLF. Name as {@code "Nachname, Vorname"}
 * (always quoted, because it contains a comma; a doctor title in front in half of the cases), street and house number in
 * one cell with "Str." abbreviated 70% of the time, dates {@code d.M.yyyy} (60%) or {@code dd.MM.yyyy}, sex
 * {@code männlich/weiblich/divers}, tax id known for 60%. Letters outside Windows-1252 lose their accents
 * (Yılmaz -> Yilmaz). Records of people who moved show the old address 35% of the time.
 */
final class SozialamtFormat extends SourceFormat {
    static final String NAME = "sozialamt";
    static final String HEADER = "Aktenzeichen;Name;Geb.-Datum;Anschrift;PLZ;Ort;Geschlecht;Steuer-ID";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private long next = 1_000L;

    SozialamtFormat() {
        super(NAME, WINDOWS_1252, false, "\r\n", HEADER);
    }

    @Override
    double previousAddressShare() {
        return 0.35;
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
        if (r.nextDouble() >= 0.6) {
            rec.steuerId = "";
        }
        if (rec.title != null && r.nextBoolean()) {
            rec.title = null;
        }
    }

    @Override
    String cellsAfterId(Rec rec, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(120);
        char d = ';';
        String family = TextNoise.foldToCp1252(rec.family);
        String given = TextNoise.foldToCp1252(rec.given);
        StringBuilder name = new StringBuilder(40);
        if (rec.title != null) {
            name.append(rec.title).append(' ');
        }
        name.append(family);
        if (given != null && !given.isEmpty()) {
            name.append(", ").append(given);
        }
        sb.append(d);
        if (name.indexOf(",") >= 0 || name.indexOf("\"") >= 0) {
            quoted(sb, name.toString());
        } else {
            sb.append(name);
        }
        cell(sb, d, germanDate(rec, r.nextDouble() < 0.6));
        String street = orEmpty(rec.street);
        if (r.nextDouble() < 0.7) {
            street = TextNoise.abbreviateStreet(street);
        }
        String house = orEmpty(rec.houseNumber);
        if (house.length() > 1 && Character.isLetter(house.charAt(house.length() - 1))
                && Character.isDigit(house.charAt(house.length() - 2)) && r.nextDouble() < 0.3) {
            house = house.substring(0, house.length() - 1) + " " + house.charAt(house.length() - 1);
        }
        String anschrift = street.isEmpty() ? house : house.isEmpty() ? street : street + " " + house;
        cell(sb, d, TextNoise.foldToCp1252(anschrift));
        cell(sb, d, rec.plz);
        cell(sb, d, TextNoise.foldToCp1252(rec.city));
        cell(sb, d, rec.sex == 'm' ? "männlich" : rec.sex == 'w' ? "weiblich" : rec.sex == 'd' ? "divers" : "");
        cell(sb, d, rec.steuerId);
        return sb.toString();
    }

    @Override
    String nextId(SplittableRandom r) {
        next += 1 + r.nextInt(2);
        StringBuilder sb = new StringBuilder(20).append("50.21-");
        String digits = Long.toString(next);
        for (int i = digits.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(digits).append('/').append(2005 + r.nextInt(20)).toString();
    }
}
