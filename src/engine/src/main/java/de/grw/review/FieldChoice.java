package de.grw.review;

/** A clerk's choice for one field of a golden record: another member's value, or a typed correction. */
public sealed interface FieldChoice {
    /** Take the value of this member record (its database id). */
    record FromRecord(long recordId) implements FieldChoice {
    }

    /** Use this value, typed by the clerk. */
    record Manual(String value) implements FieldChoice {
    }
}
