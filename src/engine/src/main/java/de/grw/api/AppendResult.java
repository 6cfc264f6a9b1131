package de.grw.api;

import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import java.util.List;

/**
 * What appending a feed to an existing source stored.
 *
 * @param source      the source appended to
 * @param sourceId    its database id
 * @param feedId      the feed's database id
 * @param sha256      the file's SHA-256 (a file imported or appended before is refused)
 * @param imported    what was read: format, mapping, rows, records, rejected rows, unusable values, notes
 * @param appended    records appended
 * @param keysPresent rows skipped because their record key is in the source already (each reported as a problem)
 * @param problems    this feed's problems in file order
 */
public record AppendResult(String source, long sourceId, long feedId, String sha256, ImportedSource imported,
                           long appended, long keysPresent, List<ImportProblem> problems) {
    public AppendResult {
        problems = List.copyOf(problems);
    }
}
