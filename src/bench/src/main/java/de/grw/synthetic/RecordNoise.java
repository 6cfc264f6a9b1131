package de.grw.synthetic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What makes a person's records disagree across the registers of the {@link Population#REALISTIC realistic}
 * population even where nobody made a duplicate: every office types its own records. Applied to each record after the
 * source has reduced it to its columns ({@link SourceFormat#restrict}); the classic population has none of this.
 *
 * <table>
 *   <caption>Rates per record</caption>
 *   <tr><th></th><th>melderegister</th><th>sozialamt</th><th>kfz_halter</th></tr>
 *   <tr><td>one clerical error ({@link DuplicateMaker#clerical})</td><td>2%</td><td>10%</td><td>10%</td></tr>
 *   <tr><td>postal code missing</td><td>-</td><td>3%</td><td>2%</td></tr>
 *   <tr><td>postal code mistyped (a digit wrong or two swapped)</td><td>-</td><td>1%</td><td>1.5%</td></tr>
 *   <tr><td>birth date missing</td><td>-</td><td>-</td><td>30%</td></tr>
 *   <tr><td>only one part of a double family name</td><td>-</td><td>15%</td><td>20%</td></tr>
 *   <tr><td>{@code Schmidt geb. Weber} in the name (married name and birth name)</td><td>-</td><td>35%</td><td>-</td></tr>
 * </table>
 * The last two apply only to persons with a double name or a birth name. Vehicle records lack the birth date when the
 * vehicle was registered by a system that did not take it over (old registrations, data migrated from the previous
 * register) - an assumption: the central vehicle register stores it, municipal extracts often do not.
 */
final class RecordNoise {
    private final SplittableRandom r;
    private final DuplicateMaker clerical;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    RecordNoise(SplittableRandom random, DuplicateMaker clerical) {
        this.r = random;
        this.clerical = clerical;
        for (String key : new String[] {"kfz records without birth date", "postal codes missing",
            "postal codes mistyped", "double names shortened", "names with geb.", "records with a clerical error"}) {
            counts.put(key, 0L);
        }
    }

    /** Counts of what was done, in a fixed order. */
    Map<String, Long> counts() {
        return counts;
    }

    void apply(SourceFormat format, Rec rec, Person p) {
        switch (format.name) {
            case MelderegisterFormat.NAME -> errors(rec, p, 0.02, 0, 0);
            case SozialamtFormat.NAME -> {
                doubleNamePart(rec, 0.15);
                errors(rec, p, 0.10, 0.03, 0.01);
                if (p.birthName != null && rec.family.equals(p.familyName) && r.nextDouble() < 0.35) {
                    rec.family = rec.family + " geb. " + p.birthName;
                    count("names with geb.");
                }
            }
            case KfzHalterFormat.NAME -> {
                doubleNamePart(rec, 0.20);
                errors(rec, p, 0.10, 0.02, 0.015);
                if (r.nextDouble() < 0.30) {
                    rec.dateMissing = true;
                    count("kfz records without birth date");
                }
            }
            default -> throw new IllegalArgumentException(format.name);
        }
    }

    private void errors(Rec rec, Person p, double clericalShare, double plzMissing, double plzTypo) {
        if (r.nextDouble() < clericalShare) {
            clerical.clerical(rec, p);
            count("records with a clerical error");
        }
        double u = r.nextDouble();
        if (rec.plz == null || rec.plz.isEmpty()) {
            return;
        }
        if (u < plzMissing) {
            rec.plz = "";
            count("postal codes missing");
        } else if (u < plzMissing + plzTypo) {
            rec.plz = DuplicateMaker.digitError(rec.plz, false, r);
            count("postal codes mistyped");
        }
    }

    /** Schmidt-Weber becomes Schmidt (70%) or Weber. */
    private void doubleNamePart(Rec rec, double share) {
        int dash = rec.family.indexOf('-');
        if (dash > 0 && dash < rec.family.length() - 1 && r.nextDouble() < share) {
            rec.family = r.nextDouble() < 0.7 ? rec.family.substring(0, dash) : rec.family.substring(dash + 1);
            count("double names shortened");
        }
    }

    private void count(String key) {
        counts.merge(key, 1L, Long::sum);
    }
}
