package de.grw.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param goldenRecords   golden records exported
 * @param records         source records behind them
 * @param blockedLeftOut  golden records left out because a member is under a blocking notice
 * @param blockedIncluded golden records under a blocking notice that were included on request
 * @param files           the files written, in the order written
 * @param journalEntries  entries in the exported journal (the entry logging this export included)
 * @param journalHead     hash of the exported journal's last entry; keep it elsewhere to detect truncation
 */
public record ExportResult(int goldenRecords, int records, int blockedLeftOut, int blockedIncluded, List<Path> files,
                           long journalEntries, String journalHead) {
    public ExportResult {
        files = List.copyOf(files);
    }
}
