package de.grw.synthetic;

import java.time.LocalDate;

/**
 * The content of one output record before it is formatted: starts as a copy of a person's true data (restricted to
 * what the source stores) and then receives the errors of a duplicate. {@code null} means the source has no such
 * column; an empty string means the value is missing in this record.
 */
final class Rec {
    String family;
    /** {@code null} if the source has no birth-name column. */
    String birthName;
    String given;
    String title;
    /** 'm', 'w', 'd', or 0 when missing or not stored. */
    char sex;
    int day;
    int month;
    int year;
    boolean dateMissing;
    String birthPlace;
    String nationality;
    Address address;
    String street;
    String houseNumber;
    String plz;
    String city;
    String steuerId;
    boolean informationBlock;

    static Rec of(Person p, Address address) {
        Rec rec = new Rec();
        rec.family = p.familyName;
        rec.birthName = p.birthName;
        rec.given = p.givenNames;
        rec.title = p.title;
        rec.sex = p.sex;
        LocalDate b = p.birthDate;
        rec.day = b.getDayOfMonth();
        rec.month = b.getMonthValue();
        rec.year = b.getYear();
        rec.birthPlace = p.birthPlace;
        rec.nationality = p.nationality;
        rec.setAddress(address);
        rec.steuerId = p.steuerId;
        rec.informationBlock = p.informationBlock;
        return rec;
    }

    void setAddress(Address a) {
        address = a;
        street = a.street();
        houseNumber = a.houseNumber();
        plz = a.plz();
        city = a.city().name();
    }

    static boolean isValidDate(int day, int month, int year) {
        if (month < 1 || month > 12 || day < 1 || year < 1800) {
            return false;
        }
        int length = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= length;
    }
}
