package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceInput;
import de.grw.importing.SourceRecord;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Register extracts read into one record table as a match reads them (the importer, each file its own source). */
final class ImportedTable {
    private ImportedTable() {
    }

    static RecordTable read(MatchProfile profile, List<Path> files) {
        SourceImporter importer = new SourceImporter(profile, MappingFile.NONE, null);
        List<RecordTable> tables = new ArrayList<>();
        for (Path file : files) {
            SourceInput input = SourceInput.file(file);
            RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
            int source = builder.addSource(input.name());
            String[] values = new String[profile.fields().size()];
            importer.importSource(input, new ImportListener() {
                @Override
                public void mapping(ColumnMapping mapping) {
                }

                @Override
                public void record(SourceRecord r) {
                    for (int f = 0; f < values.length; f++) {
                        values[f] = r.value(f);
                    }
                    builder.add(source, r.recordId(), values);
                }

                @Override
                public void problem(ImportProblem problem) {
                }
            }, ProgressListener.NONE, CancellationToken.NONE);
            tables.add(builder.build());
        }
        return RecordTable.concat(tables);
    }
}
