package de.grw.rights;

/** What a user may do. Checked by the engine's services, not only by the front ends. */
public enum Permission {
    IMPORT, MATCH, VIEW_RECORDS, DECIDE, REVERT_OWN, REVERT_ANY, APPROVE, VIEW_BLOCKED, EXPORT, EXPORT_BLOCKED,
    READ_ACCESS_LOG, MANAGE_USERS, MANAGE_SETTINGS, VERIFY,
    /**
     * Real-time linking for other applications: link an incoming record, search by name and birth date, read a golden
     * record (always with a case reference; masked and logged like a display).
     */
    LINK,
    /**
     * Storing a linked record as a new record of an existing source ({@code POST /api/v1/link} with {@code store}):
     * the record enters the review queue with its candidates when it is not certain; never merged by itself.
     */
    LINK_STORE,
    /**
     * Activating a trained model version (four eyes: not one's own) and going back to an earlier one (issue 15):
     * supervisors.
     */
    ACTIVATE_MODEL
}
