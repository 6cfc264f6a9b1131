package de.grw.synthetic;

import java.util.Locale;

/** Which population model the generator uses. */
public enum Population {
    /**
     * The generator as it was up to issue 11: clean first records in every source, 1.2% twin births, no juniors,
     * children leave home at 25, ~40% of married women with another name. Kept byte for byte (same seed, same files)
     * so that figures measured on it stay reproducible.
     */
    CLASSIC,
    /**
     * Households at German rates (micro-census household sizes and family forms, 1.7% twin births, a third of twin
     * pairs of opposite sex, sons named after their father, adult children at home, married names as couples choose
     * them), vehicle owners with several vehicles and records without birth date, clerical errors in every source's
     * records, missing and mistyped postal codes. See {@link RealisticHouseholds} and {@link RecordNoise}.
     */
    REALISTIC;

    /** {@code classic} or {@code realistic}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The population named {@code label} (case-insensitive). */
    public static Population of(String label) {
        for (Population p : values()) {
            if (p.label().equalsIgnoreCase(label.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown population '" + label + "'; known: classic, realistic");
    }
}
