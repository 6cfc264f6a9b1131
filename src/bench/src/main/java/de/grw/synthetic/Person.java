package de.grw.synthetic;

import java.time.LocalDate;

/** The true data of one synthetic person. Mutable while its household is being built, then only read. */
final class Person {
    /** Sequential number; the truth file writes it as {@code P0000001}. */
    long number;
    /** Number of the household the person was generated in; the truth file writes it as {@code H0000001}. */
    long household;
    /** Place in that household. */
    Relation relation = Relation.OTHER;
    /** 'm', 'w' or 'd' as in the registration law. */
    char sex;
    String givenNames;
    String familyName;
    /** Family name at birth when it differs from {@link #familyName}, else {@code null}. */
    String birthName;
    /** "Dr." or "Prof. Dr.", else {@code null}. */
    String title;
    LocalDate birthDate;
    String birthPlace;
    String nationality;
    Address address;
    /** Address before a recent move, or {@code null}; other sources may still show it. */
    Address previousAddress;
    String steuerId;
    boolean informationBlock;
    Origin origin;
    /** Married (or widowed) persons may show up under another family name in old records. */
    boolean married;
    /** True once a record of this person has been written to any source (for the report). */
    boolean recorded;

    int ageOn(LocalDate day) {
        int age = day.getYear() - birthDate.getYear();
        if (day.getDayOfYear() < birthDate.getDayOfYear()) {
            age--;
        }
        return age;
    }

    /** Minimum number of digits of a person or household id in the truth file ({@code P0000042}). */
    static final int ID_DIGITS = 7;
}
