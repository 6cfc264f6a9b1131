package de.grw.ui.importing;

import de.grw.importing.ColumnQuality;
import de.grw.importing.QualityProfiler;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.ColumnMapping;
import de.grw.importing.HeaderMatcher;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import de.grw.importing.db.DatabaseReader;
import de.grw.importing.read.ReadOptions;
import de.grw.importing.read.TablePreview;
import de.grw.importing.read.TabularReader;
import de.grw.profile.MatchProfile;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Background work of the preview: reads the beginning of a file (with a loaded mapping file's reading settings)
 * or of a database table or query,
 * suggests the mapping (with the mapping file's overrides) and profiles every column over the sample.
 */
final class PreviewJob implements TaskRunner.Job<PreviewJob.Loaded> {
    private static final TabularReader READER = new TabularReader();

    /** What the preview hands to the FX thread. */
    record Loaded(SourceInput input, TablePreview preview, List<List<String>> sample, ColumnMapping mapping,
                  List<ColumnQuality> quality, int missingColumns) {
    }

    private static final DatabaseReader DATABASES = new DatabaseReader();

    private final SourceInput input;
    private final MappingFile mapping;
    private final Path mappingPath;
    private final MatchProfile profile;
    private final I18n i18n;
    private final int sampleRows;

    PreviewJob(SourceInput input, MappingFile mapping, Path mappingPath, MatchProfile profile, I18n i18n,
               int sampleRows) {
        this.input = input;
        this.mapping = mapping;
        this.mappingPath = mappingPath;
        this.profile = profile;
        this.i18n = i18n;
        this.sampleRows = sampleRows;
    }

    @Override
    public Loaded run(ProgressListener progress, CancellationToken cancel) {
        String source = input.name();
        TablePreview preview;
        if (input instanceof SourceInput.File f) {
            if (!Files.isRegularFile(f.path())) {
                throw new UserFacingException(i18n.get("import.notAFile", f.path()));
            }
            ReadOptions options = mapping == null ? ReadOptions.DEFAULTS : mapping.readOptions(source, mappingPath);
            preview = READER.preview(f.path(), options, sampleRows);
        } else {
            preview = DATABASES.preview(((SourceInput.Database) input).source(), sampleRows);
        }
        cancel.throwIfCancelled();
        List<List<String>> rows = preview.rows().stream().map(TablePreview.Row::cells).toList();
        ColumnMapping suggested = HeaderMatcher.suggest(preview.header(), profile);
        List<String> warnings = new ArrayList<>();
        if (mapping != null) {
            suggested = mapping.apply(suggested, source, profile, mappingPath, warnings);
        }
        QualityProfiler profiler = new QualityProfiler(profile);
        List<ColumnQuality> quality = new ArrayList<>();
        for (int i = 0; i < preview.header().size(); i++) {
            cancel.throwIfCancelled();
            quality.add(profiler.profile(rows, i, TargetOption.code(suggested.targets().get(i))));
        }
        return new Loaded(input, preview, rows, suggested, quality, warnings.size());
    }
}
