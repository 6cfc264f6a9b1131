package de.grw.review;

/**
 * How the records of a comparison agree on a field: the one rule every front end shows. Values a record lacks and
 * masked values take no part.
 */
public enum Equality {
    /** All values are the same text (or at most one record has a value). */
    EQUAL,
    /**
     * The texts differ, but not after the field's normaliser (the one matching uses): {@code m} and
     * {@code männlich}, {@code Köln} and {@code Koeln}, {@code MÜLLER} and {@code Müller}.
     */
    EQUAL_AFTER_NORMALISING,
    /** The values differ even after normalising. */
    DIFFERENT
}
