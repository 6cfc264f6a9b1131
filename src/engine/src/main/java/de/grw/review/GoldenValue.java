package de.grw.review;

/**
 * One field of a golden record and where its value came from.
 *
 * @param field        field name
 * @param value        the value (may be {@code null})
 * @param manual       typed by a clerk rather than taken from a record
 * @param originRecord database id of the source record it came from, or 0 for a manual value
 */
public record GoldenValue(String field, String value, boolean manual, long originRecord) {
}
