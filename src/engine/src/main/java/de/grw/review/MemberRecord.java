package de.grw.review;

import java.util.List;

/**
 * A record as the review shows it: its identity, canonical values by profile field, and the original cells.
 *
 * @param id         database id
 * @param source     source name
 * @param recordKey  the source's record id
 * @param importedAt when its source was imported
 * @param values     canonical values, one per profile field ({@code null} when absent)
 * @param columns    the source's column names
 * @param cells      the original cells
 * @param blocked    under a blocking notice
 * @param masked     names and addresses replaced by {@code ***} for this viewer
 */
public record MemberRecord(long id, String source, String recordKey, String importedAt, List<String> values,
                           List<String> columns, List<String> cells, boolean blocked, boolean masked) {
    public MemberRecord {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        columns = List.copyOf(columns);
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
}
