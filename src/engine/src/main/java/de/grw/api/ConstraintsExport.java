package de.grw.api;

/**
 * What {@link ExportApi#constraints} wrote: must-link groups (approved merges) with their records, and cannot-links
 * (not-duplicate and split decisions).
 */
public record ConstraintsExport(int mustLinkGroups, int mustLinkRecords, int cannotLinks) {
}
