package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.store.StoreKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The loader streams the records out of the store without joining their sources per row: the table it builds holds
 * every record in id order, with its source's name, its key and its values, exactly as the records are stored.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class WorkspaceLoaderTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void everyRecordIsReadInIdOrderWithItsSourceKeyAndValues() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            MatchProfile profile = WorkspaceProfile.profile(f.workspace());
            WorkspaceLoader.Loaded loaded = f.workspace().read(c -> WorkspaceLoader.load(c, profile, null));
            // what the store holds, read the plain way (joined with the sources)
            List<Object[]> stored = new ArrayList<>();
            f.workspace().read(c -> {
                MatchRunRepository.eachRecord(c, (id, sourceId, name, key, valuesJson) -> {
                    try {
                        stored.add(new Object[] {id, name, key, json.readValue(valuesJson, String[].class)});
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return null;
            });
            RecordTable table = loaded.table();
            assertThat(stored).hasSizeGreaterThan(100);
            assertThat(table.size()).isEqualTo(stored.size());
            assertThat(loaded.ids()).hasSize(stored.size()).isSorted();
            assertThat(table.sourceNames()).hasSize(3);
            for (int i = 0; i < stored.size(); i++) {
                Object[] row = stored.get(i);
                assertThat(loaded.ids()[i]).isEqualTo((long) row[0]);
                assertThat(table.sourceName(i)).isEqualTo(row[1]);
                assertThat(table.recordId(i)).isEqualTo(row[2]);
                String[] values = (String[]) row[3];
                String[] read = new String[table.fieldCount()];
                for (int field = 0; field < read.length; field++) {
                    read[field] = table.value(i, field);
                }
                assertThat(Arrays.asList(read)).as("record %s", row[0])
                        .isEqualTo(Arrays.asList(values).subList(0, read.length));
            }
            // the sample workspace is matched: the model and the last run come with the records
            assertThat(loaded.active()).isNotNull();
            assertThat(loaded.lastRun()).isNotNull();
            assertThat(loaded.standing()).isNotEmpty();
        }
    }
}
