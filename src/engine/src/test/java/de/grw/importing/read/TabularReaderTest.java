package de.grw.importing.read;

import de.grw.common.CancelledException;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.grw.importing.read.ReadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularReaderTest {
    @TempDir
    Path dir;

    private Path numbered(int rows) throws IOException {
        StringBuilder text = new StringBuilder("id;name\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(i == 3 ? "" : ";Name" + i).append('\n');
        }
        return write(dir, "rows.csv", text.toString());
    }

    @Test
    void previewHoldsHeaderAndFirstRowsIncludingRejections() throws IOException {
        Path file = numbered(50);

        TablePreview preview = new TabularReader().preview(file, null, 5);

        assertThat(preview.format().describe()).isEqualTo("CSV, UTF-8, delimiter ';'");
        assertThat(preview.header()).containsExactly("id", "name");
        assertThat(preview.rows()).extracting(TablePreview.Row::line).containsExactly(2L, 3L, 5L, 6L);
        assertThat(preview.rows().get(0).cells()).containsExactly("1", "Name1");
        assertThat(preview.rejected()).extracting(TablePreview.Rejected::reason)
                .containsExactly("1 field, but the header has 2");
        assertThat(preview.more()).isTrue();
    }

    @Test
    void previewOfASmallFileIsComplete() throws IOException {
        Path file = write(dir, "small.jsonl", "{\"a\":null}\n{\"a\":\"x\"}\n");

        TablePreview preview = new TabularReader().preview(file, null, 10);

        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.rows().get(0).cells()).containsExactly((String) null);
        assertThat(preview.more()).isFalse();
    }

    @Test
    void progressIsReportedInBytesUpToTheFileSize() throws IOException {
        Path file = numbered(20_000);
        List<long[]> reports = new ArrayList<>();
        ProgressListener listener = (phase, done, total) -> {
            assertThat(phase).isEqualTo("read");
            reports.add(new long[] {done, total});
        };

        new TabularReader().read(file, null, new CollectingSink(), null, listener);

        long size = Files.size(file);
        assertThat(reports).hasSizeGreaterThan(1);
        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(size));
        assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(size);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
        }
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        Path file = numbered(20_000);
        AtomicBoolean cancelled = new AtomicBoolean();
        CollectingSink sink = new CollectingSink() {
            @Override
            public void row(long rowNumber, long line, String[] cells) {
                super.row(rowNumber, line, cells);
                if (rowNumber == 1000) {
                    cancelled.set(true);
                }
            }
        };

        assertThatThrownBy(() -> new TabularReader().read(file, null, sink, cancelled::get, null))
                .isInstanceOf(CancelledException.class);
        assertThat(sink.rows.size()).isBetween(1000, 1400);
    }

    @Test
    void sniffReportsTheDetection() throws IOException {
        Path file = write(dir, "t.tsv", "a\tb\n1\t2\n");

        DetectedFormat format = new TabularReader().sniff(file);

        assertThat(format.format()).isEqualTo(TableFormat.CSV);
        assertThat(format.delimiter()).isEqualTo('\t');
        assertThat(format.describe()).isEqualTo("CSV, UTF-8, delimiter TAB");
        assertThat(format.encodingReason()).isEqualTo("only ASCII characters (read as UTF-8)");
    }

    @Test
    void folderIsRefused() {
        assertThatThrownBy(() -> new TabularReader().sniff(dir)).isInstanceOf(UserFacingException.class)
                .hasMessageEndingWith(": this is a folder, not a file");
    }
}
