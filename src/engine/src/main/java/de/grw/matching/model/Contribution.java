package de.grw.matching.model;

/**
 * How one comparison moved a pair's score: the explanation a clerk sees.
 *
 * @param comparison  comparison name (e.g. {@code family_name})
 * @param level       level label (e.g. {@code phonetic}, {@code else}, {@code missing})
 * @param weight      match weight in bits: positive pushes towards a match, negative away from it
 * @param tfAdjusted  whether the weight includes a term-frequency adjustment (rare values weigh more)
 * @param versus      what the pair is weighed against: {@link #OTHERS} (two people taken at random, the usual
 *                    Fellegi-Sunter weight {@code log2(m / u)}) or {@link #HOUSEHOLD} (two people of one household,
 *                    {@code log2(m / h)}, see {@link HouseholdClass}), whichever is the more likely alternative
 */
public record Contribution(String comparison, String level, double weight, boolean tfAdjusted, String versus) {
    /** Weighed against two people taken at random. */
    public static final String OTHERS = "others";
    /** Weighed against two people of one household ("gleicher Haushalt"). */
    public static final String HOUSEHOLD = "household";

    public Contribution {
        versus = versus == null ? OTHERS : versus;
    }

    /** A contribution weighed against two people taken at random. */
    public Contribution(String comparison, String level, double weight, boolean tfAdjusted) {
        this(comparison, level, weight, tfAdjusted, OTHERS);
    }

    /** Whether the weight is the one against two people of one household. */
    public boolean versusHousehold() {
        return HOUSEHOLD.equals(versus);
    }
}
