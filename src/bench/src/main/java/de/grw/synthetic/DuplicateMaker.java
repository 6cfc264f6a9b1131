package de.grw.synthetic;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Puts the errors of {@link ErrorType} into the record of a duplicate and counts what it did; in the realistic
 * population also single clerical errors into first records ({@link #clerical}).
 */
final class DuplicateMaker {
    private static final ErrorType[] TYPES = ErrorType.values();

    private final Lexicon lex;
    private final SplittableRandom r;
    private final double hardShare;
    private final double[] weights = new double[TYPES.length];
    private final boolean[] chosen = new boolean[TYPES.length];

    final long[] counts = new long[TYPES.length];
    /** Errors put into first records by {@link #clerical}, by type. */
    final long[] clericalCounts = new long[TYPES.length];
    long duplicates;
    long hardDuplicates;
    long unchangedDuplicates;

    DuplicateMaker(Lexicon lex, SplittableRandom random, double hardShare) {
        this.lex = lex;
        this.r = random;
        this.hardShare = hardShare;
    }

    /** Applies errors to {@code rec}, a fresh record of {@code p} as the source stores it. */
    void corrupt(Rec rec, Person p) {
        duplicates++;
        Arrays.fill(chosen, false);
        boolean hard = r.nextDouble() < hardShare;
        if (hard) {
            hardDuplicates++;
            pick(rec, p, true, 2, false);
            pick(rec, p, false, 1 + (r.nextDouble() < 0.5 ? 1 : 0), false);
        } else {
            double u = r.nextDouble();
            int errors = u < 0.04 ? 0 : u < 0.50 ? 1 : u < 0.85 ? 2 : 3;
            if (errors == 0) {
                unchangedDuplicates++;
            }
            pick(rec, p, false, errors, false);
        }
        for (int i = 0; i < TYPES.length; i++) {
            // an earlier error (a move, a name change) can make a later one inapplicable: then it is skipped
            if (chosen[i] && applicable(TYPES[i], rec, p)) {
                apply(TYPES[i], rec, p, hard);
                counts[i]++;
            }
        }
    }

    /**
     * Puts one clerical error into a person's first record in a source: a minor type (no move, married name or swapped
     * names) drawn by {@link ErrorType#weight} among those that apply.
     */
    void clerical(Rec rec, Person p) {
        Arrays.fill(chosen, false);
        pick(rec, p, false, 1, true);
        for (int i = 0; i < TYPES.length; i++) {
            if (chosen[i] && applicable(TYPES[i], rec, p)) {
                apply(TYPES[i], rec, p, false);
                clericalCounts[i]++;
            }
        }
    }

    /**
     * Marks {@code n} further applicable types, drawn without replacement by weight. Among normal errors at most one
     * major change is drawn; none with {@code noMajor}.
     */
    private void pick(Rec rec, Person p, boolean hard, int n, boolean noMajor) {
        boolean majorTaken = noMajor;
        for (int i = 0; i < TYPES.length; i++) {
            majorTaken |= chosen[i] && TYPES[i].major;
        }
        for (int k = 0; k < n; k++) {
            double total = 0;
            for (int i = 0; i < TYPES.length; i++) {
                boolean blocked = chosen[i] || !hard && majorTaken && TYPES[i].major;
                weights[i] = blocked ? 0 : weight(TYPES[i], rec, p, hard);
                total += weights[i];
            }
            if (total <= 0) {
                return;
            }
            double u = r.nextDouble() * total;
            int i = 0;
            while (i < TYPES.length - 1 && (u >= weights[i] || weights[i] == 0)) {
                u -= weights[i];
                i++;
            }
            if (weights[i] == 0) {
                return;
            }
            chosen[i] = true;
            majorTaken |= TYPES[i].major;
        }
    }

    private double weight(ErrorType type, Rec rec, Person p, boolean hard) {
        double base = hard ? type.hardWeight : type.weight;
        if (type == ErrorType.TITLE_CHANGE && !hard) {
            base = p.title != null ? type.weight : isAdult(p) ? 0.3 : 0;
        }
        if (base == 0) {
            return 0;
        }
        return applicable(type, rec, p) ? base : 0;
    }

    /** Old enough for a marriage or a doctorate (born before 1995, or married already). */
    private static boolean isAdult(Person p) {
        return p.married || p.title != null || p.birthDate.getYear() < 1995;
    }

    private boolean applicable(ErrorType type, Rec rec, Person p) {
        return switch (type) {
            case MARRIED_NAME -> isAdult(p) && p.sex != 'd' && rec.family != null;
            case NAME_VARIANT -> !lex.variants(rec.family).isEmpty()
                    || !lex.variants(PersonMaker.firstGivenName(rec.given)).isEmpty();
            case GIVEN_FIRST_ONLY -> isDouble(rec.given);
            case DATE_SWAP -> !rec.dateMissing && rec.day <= 12 && rec.day != rec.month;
            case DATE_DIGIT -> !rec.dateMissing;
            case STREET_SPELLING -> TextNoise.hasStreetWord(rec.street);
            case HOUSE_NUMBER_FORMAT -> rec.houseNumber != null && !rec.houseNumber.isEmpty()
                    && !Character.isDigit(rec.houseNumber.charAt(rec.houseNumber.length() - 1))
                    || rec.houseNumber != null && rec.houseNumber.indexOf('-') > 0;
            case PLZ_TYPO -> rec.plz != null && rec.plz.length() == 5;
            case CITY_SPELLING -> !rec.address.city().variants().isEmpty();
            case STEUER_ID_TYPO -> rec.steuerId != null && rec.steuerId.length() == 11;
            case UMLAUT_TRANSLIT, UMLAUT_LOSS -> TextNoise.hasUmlaut(rec.family) || TextNoise.hasUmlaut(rec.given)
                    || TextNoise.hasUmlaut(rec.street) || TextNoise.hasUmlaut(rec.city);
            case SHARP_S -> TextNoise.hasSharpS(rec.family) || TextNoise.hasSharpS(rec.street)
                    || TextNoise.hasSharpS(rec.city);
            default -> true;
        };
    }

    private static boolean isDouble(String given) {
        return given != null && (given.indexOf(' ') > 0 || given.indexOf('-') > 0);
    }

    // ------------------------------------------------------------------------------------------------ applying

    private void apply(ErrorType type, Rec rec, Person p, boolean hard) {
        switch (type) {
            case MARRIED_NAME -> marriedName(rec, p);
            case MOVED -> moved(rec, p, hard);
            case NAME_VARIANT -> nameVariant(rec);
            case GIVEN_FIRST_ONLY -> rec.given = PersonMaker.firstGivenName(rec.given);
            case GIVEN_CALL_NAME -> callName(rec);
            case TITLE_CHANGE -> rec.title = rec.title != null ? null : p.title != null ? p.title : "Dr.";
            case FAMILY_TYPO -> {
                rec.family = TextNoise.typo(rec.family, r);
                if (hard) {
                    rec.family = TextNoise.typo(rec.family, r);
                }
            }
            case GIVEN_TYPO -> rec.given = TextNoise.typo(rec.given, r);
            case OCR -> {
                double u = r.nextDouble();
                if (u < 0.45) {
                    rec.family = TextNoise.ocr(rec.family, r);
                } else if (u < 0.80 || rec.street == null) {
                    rec.given = TextNoise.ocr(rec.given, r);
                } else {
                    rec.street = TextNoise.ocr(rec.street, r);
                }
            }
            case DATE_SWAP -> {
                int d = rec.day;
                rec.day = rec.month;
                rec.month = d;
            }
            case DATE_DIGIT -> dateDigit(rec);
            case STREET_SPELLING -> rec.street = TextNoise.respellStreet(rec.street, r.nextInt(4));
            case HOUSE_NUMBER_FORMAT -> rec.houseNumber = houseNumberFormat(rec.houseNumber);
            case PLZ_TYPO -> rec.plz = digitError(rec.plz, false);
            case CITY_SPELLING -> {
                List<String> variants = rec.address.city().variants();
                rec.city = variants.get(r.nextInt(variants.size()));
            }
            case STEUER_ID_TYPO -> rec.steuerId = digitError(rec.steuerId, true);
            case MISSING_VALUE -> {
                missing(rec);
                if (r.nextDouble() < 0.2) {
                    missing(rec);
                }
            }
            case NAME_SWAP -> {
                String f = rec.family;
                rec.family = rec.given;
                rec.given = f;
            }
            case UMLAUT_TRANSLIT -> umlauts(rec, true, r.nextDouble() < 0.6);
            case UMLAUT_LOSS -> umlauts(rec, false, r.nextDouble() < 0.5);
            case SHARP_S -> {
                rec.family = TextNoise.sharpSToSs(rec.family);
                rec.street = TextNoise.sharpSToSs(rec.street);
                rec.city = TextNoise.sharpSToSs(rec.city);
                rec.birthPlace = TextNoise.sharpSToSs(rec.birthPlace);
            }
            case UPPER_CASE -> {
                rec.family = TextNoise.upper(rec.family);
                rec.given = TextNoise.upper(rec.given);
                if (rec.birthName != null) {
                    rec.birthName = TextNoise.upper(rec.birthName);
                }
                if (r.nextBoolean()) {
                    rec.street = TextNoise.upper(rec.street);
                    rec.city = TextNoise.upper(rec.city);
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private void marriedName(Rec rec, Person p) {
        if (p.birthName != null && rec.family.equals(p.familyName)) {
            // an old record from before the marriage
            rec.family = p.birthName;
            if (rec.birthName != null) {
                rec.birthName = "";
            }
            return;
        }
        String old = rec.family;
        Origin origin = r.nextDouble() < 0.85 ? p.origin : Origin.DE;
        String name = FamilyNames.sample(lex, origin, r);
        if (p.sex == 'w') {
            name = FamilyNames.feminine(name, origin);
        }
        rec.family = r.nextDouble() < 0.2 ? name + "-" + old : name;
        if (rec.birthName != null) {
            rec.birthName = old;
        }
    }

    private void moved(Rec rec, Person p, boolean hard) {
        Address current = rec.address;
        if (!hard && p.previousAddress != null && r.nextDouble() < 0.7) {
            rec.setAddress(current == p.address ? p.previousAddress : p.address);
            return;
        }
        boolean sameTown = !hard && r.nextDouble() < 0.65;
        rec.setAddress(Addresses.moved(lex, current, sameTown, r));
    }

    private void nameVariant(Rec rec) {
        List<String> familyVariants = lex.variants(rec.family);
        if (!familyVariants.isEmpty() && (r.nextBoolean() || lex.variants(
                PersonMaker.firstGivenName(rec.given)).isEmpty())) {
            rec.family = other(familyVariants, rec.family);
            return;
        }
        String first = PersonMaker.firstGivenName(rec.given);
        List<String> givenVariants = lex.variants(first);
        if (!givenVariants.isEmpty()) {
            rec.given = other(givenVariants, first) + rec.given.substring(first.length());
        }
    }

    private String other(List<String> group, String current) {
        String pick = group.get(r.nextInt(group.size()));
        return pick.equals(current) ? group.get((group.indexOf(pick) + 1) % group.size()) : pick;
    }

    private void callName(Rec rec) {
        if (isDouble(rec.given)) {
            String first = PersonMaker.firstGivenName(rec.given);
            rec.given = rec.given.substring(first.length() + 1); // the second name is the call name
            return;
        }
        String nick = lex.nickname(rec.given);
        rec.given = nick != null ? nick : TextNoise.typo(rec.given, r);
    }

    private void dateDigit(Rec rec) {
        for (int attempt = 0; attempt < 12; attempt++) {
            int day = rec.day;
            int month = rec.month;
            int year = rec.year;
            double u = r.nextDouble();
            if (u < 0.4) {
                day = r.nextBoolean() ? day / 10 * 10 + r.nextInt(10) : r.nextInt(4) * 10 + day % 10;
            } else if (u < 0.6) {
                month = month >= 10 ? 10 + r.nextInt(3) : 1 + r.nextInt(9);
            } else if (r.nextDouble() < 0.7) {
                year = year / 10 * 10 + r.nextInt(10);
            } else {
                year = year / 100 * 100 + r.nextInt(10) * 10 + year % 10;
            }
            boolean changed = day != rec.day || month != rec.month || year != rec.year;
            if (changed && Rec.isValidDate(day, month, year) && year <= 2025) {
                rec.day = day;
                rec.month = month;
                rec.year = year;
                return;
            }
        }
    }

    private String houseNumberFormat(String house) {
        int dash = house.indexOf('-');
        if (dash > 0) {
            double u = r.nextDouble();
            return u < 0.5 ? house.substring(0, dash) : u < 0.75 ? house.replace('-', '/') : house.replace("-", " - ");
        }
        String digits = house.substring(0, house.length() - 1);
        char letter = house.charAt(house.length() - 1);
        double u = r.nextDouble();
        return u < 0.45 ? digits + " " + letter : u < 0.8 ? digits + Character.toUpperCase(letter) : digits;
    }

    private String digitError(String digits, boolean noLeadingZero) {
        return digitError(digits, noLeadingZero, r);
    }

    /** One replaced digit (60%) or two swapped neighbours (40%); a leading digit never becomes 0 in a tax id. */
    static String digitError(String digits, boolean noLeadingZero, SplittableRandom r) {
        char[] c = digits.toCharArray();
        for (int attempt = 0; attempt < 8; attempt++) {
            char[] t = c.clone();
            if (r.nextDouble() < 0.6) {
                int i = r.nextInt(t.length);
                t[i] = (char) ('0' + r.nextInt(10));
            } else {
                int i = r.nextInt(t.length - 1);
                char x = t[i];
                t[i] = t[i + 1];
                t[i + 1] = x;
            }
            String result = new String(t);
            if (!result.equals(digits) && !(noLeadingZero && t[0] == '0')) {
                return result;
            }
        }
        return digits;
    }

    private void missing(Rec rec) {
        for (int attempt = 0; attempt < 6; attempt++) {
            int k = r.nextInt(20);
            if (k < 3 && rec.birthPlace != null && !rec.birthPlace.isEmpty()) {
                rec.birthPlace = "";
            } else if (k < 6 && rec.nationality != null && !rec.nationality.isEmpty()) {
                rec.nationality = "";
            } else if (k < 9 && rec.houseNumber != null && !rec.houseNumber.isEmpty()) {
                rec.houseNumber = "";
            } else if (k < 12 && rec.plz != null && !rec.plz.isEmpty()) {
                rec.plz = "";
            } else if (k < 15 && rec.steuerId != null && !rec.steuerId.isEmpty()) {
                rec.steuerId = "";
            } else if (k < 17 && rec.sex != 0) {
                rec.sex = 0;
            } else if (k == 17 && !rec.dateMissing) {
                rec.dateMissing = true;
            } else if (k == 18 && rec.street != null && !rec.street.isEmpty()) {
                rec.street = "";
            } else if (k == 19 && rec.given != null && !rec.given.isEmpty()) {
                rec.given = "";
            } else {
                continue;
            }
            return;
        }
    }

    private void umlauts(Rec rec, boolean transliterate, boolean allFields) {
        String[] fields = {rec.family, rec.given, rec.street, rec.city, rec.birthPlace, rec.birthName};
        boolean done = false;
        for (int i = 0; i < fields.length; i++) {
            if (done && !allFields) {
                break;
            }
            if (TextNoise.hasUmlaut(fields[i])) {
                fields[i] = transliterate ? TextNoise.transliterate(fields[i]) : TextNoise.dropUmlauts(fields[i]);
                done = true;
            }
        }
        rec.family = fields[0];
        rec.given = fields[1];
        rec.street = fields[2];
        rec.city = fields[3];
        rec.birthPlace = fields[4];
        rec.birthName = fields[5];
    }
}
