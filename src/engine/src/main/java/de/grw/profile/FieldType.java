package de.grw.profile;

/** How the importer reads a field's cells. Matching behaviour is chosen per comparison, not here. */
public enum FieldType {
    /** The source's own key of a record; never used as a matching feature. */
    ID,
    /** Free text, kept as written. */
    TEXT,
    /** A person or organisation name. */
    NAME,
    /** A calendar date, parsed into ISO {@code yyyy-MM-dd}; an impossible date is reported, not guessed. */
    DATE,
    /** A short code such as a postal code, sex or nationality. */
    CODE,
    /** A strong identifier such as the Steuer-ID. */
    IDENTIFIER,
    /** A yes/no flag, e.g. an Auskunftssperre; parsed into {@code "true"} or {@code "false"}. */
    FLAG
}
