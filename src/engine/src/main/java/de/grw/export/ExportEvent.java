package de.grw.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The journal payload of an export ({@code export}), as a Jackson record (its JSON is part of the journal format):
 * where it went (a file format, or a database and its tables) and what it held.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportEvent(String format, Boolean excel, String database, String table,
                          @JsonProperty("lineage_table") String lineageTable,
                          @JsonProperty("members_table") String membersTable, String mode,
                          @JsonProperty("case") String caseRef,
                          @JsonProperty("golden_records") int goldenRecords, int records,
                          @JsonProperty("include_blocked") boolean includeBlocked,
                          @JsonProperty("blocked_left_out") int blockedLeftOut,
                          @JsonProperty("blocked_included") List<String> blockedIncluded,
                          Boolean raw) {

    /** Where an export went, before its counts are known. */
    public record Target(String format, Boolean excel, String database, String table, String lineageTable,
                         String membersTable, String mode, Boolean raw) {
        /** A file export; {@code raw} (cells written without formula neutralising) is recorded only when asked for. */
        static Target file(String extension, boolean excel, boolean raw) {
            return new Target(extension, excel, null, null, null, null, null, raw ? Boolean.TRUE : null);
        }

        static Target database(String url, String table, String lineageTable, String membersTable, String mode) {
            return new Target("database", null, url, table, lineageTable, membersTable, mode, null);
        }

        ExportEvent with(String caseRef, int goldenRecords, int records, boolean includeBlocked, int leftOut,
                         List<String> blockedIncluded) {
            return new ExportEvent(format, excel, database, table, lineageTable, membersTable, mode, caseRef,
                    goldenRecords, records, includeBlocked, leftOut, List.copyOf(blockedIncluded), raw);
        }
    }
}
