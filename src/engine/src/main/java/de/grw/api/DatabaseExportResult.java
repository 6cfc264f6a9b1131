package de.grw.api;

import java.util.List;

/**
 * What an export into database tables wrote.
 *
 * @param goldenRecords   golden records exported
 * @param records         source records behind them
 * @param blockedLeftOut  golden records left out because a member is under a blocking notice
 * @param blockedIncluded golden records under a blocking notice included on request
 * @param tables          the tables written, as the database names them (golden, lineage, members)
 * @param rows            rows inserted per table, in the same order
 */
public record DatabaseExportResult(int goldenRecords, int records, int blockedLeftOut, int blockedIncluded,
                                   List<String> tables, List<Integer> rows) {
    public DatabaseExportResult {
        tables = List.copyOf(tables);
        rows = List.copyOf(rows);
    }
}
