package de.grw.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.AtomicFiles;
import de.grw.common.UserFacingException;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.workspace.TestWorkspaces;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An export set is replaced as a whole: a disk that fails half-way through leaves the previous set byte for byte,
 * no staging folder behind, and never new golden records beside the old lineage and journal.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ExportAtomicityTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private TestWorkspaces.Fixture fx;

    @BeforeEach
    void approvedGoldenRecords() {
        fx = TestWorkspaces.open(store, dir);
        approveMerges(2);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void approveMerges(int n) {
        List<QueueEntry> queue = fx.review().queue(fx.clerk(), null, n);
        for (QueueEntry e : queue) {
            List<Long> ids = fx.review().memberIds(fx.clerk(), e.clusterId());
            var proposed = fx.review().propose(fx.clerk(), e.clusterId(), new MergeCommand(ids, Map.of()), "same",
                    "AZ-1");
            fx.review().approve(fx.supervisor(), proposed.id(), "ok");
        }
    }

    private ExportOptions csvInto(Path out) {
        return new ExportOptions(ExportFormat.CSV, false, false, "AZ-1", out);
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** The export folder, and beside it the workspace's files when it is a file. */
    private List<String> exportAndStore() {
        return store == StoreKind.SQLITE ? List.of("export", "ws.grw", "ws.grw-shm", "ws.grw-wal") : List.of("export");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes like the product, but the disk is "full" once {@code failAt} bytes of the named file are written. */
    private static GoldenExporter.FileWriting diskFullIn(String name, long failAt) {
        return (file, body) -> AtomicFiles.writeDurably(file, out -> body.write(
                file.getFileName().toString().equals(name) ? new FullDisk(out, failAt) : out));
    }

    private static final class FullDisk extends FilterOutputStream {
        private long room;

        FullDisk(OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            if (room-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    @Test
    void aDiskFullHalfWayLeavesThePreviousSetUntouched() throws IOException {
        Path out = dir.resolve("export");
        ExportResult first = new GoldenExporter(fx.workspace()).export(fx.supervisor(), csvInto(out));
        assertThat(first.goldenRecords()).isEqualTo(2);
        Map<String, byte[]> before = contents(out);
        assertThat(before).containsOnlyKeys("golden_records.csv", "lineage.csv", "members.csv", "journal.jsonl",
                "journal.head", "journal.treehead.json");
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve("golden_records.csv")))).isEqualTo("rw-------");
        }

        approveMerges(1);
        for (String failing : List.of("lineage.csv", "journal.jsonl", "journal.head", "journal.treehead.json")) {
            GoldenExporter broken = new GoldenExporter(fx.workspace(), diskFullIn(failing, 40));
            assertThatThrownBy(() -> broken.export(fx.supervisor(), csvInto(out)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("No space left on device")
                    .hasMessageContaining("still holds the previous export");
            Map<String, byte[]> after = contents(out);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
            assertThat(siblings()).as("no staging folder left behind").containsExactlyInAnyOrderElementsOf(
                    exportAndStore());
        }

        ExportResult second = new GoldenExporter(fx.workspace()).export(fx.supervisor(), csvInto(out));
        assertThat(second.goldenRecords()).isEqualTo(3);
        assertThat(Files.readAllLines(out.resolve("golden_records.csv"))).hasSize(4);
        assertThat(siblings()).containsExactlyInAnyOrderElementsOf(exportAndStore());
    }

    @Test
    void aNewFormatReplacesTheWholeSetNotOnlyFilesOfTheSameName() throws IOException {
        Path out = dir.resolve("export");
        new GoldenExporter(fx.workspace()).export(fx.supervisor(), csvInto(out));
        new GoldenExporter(fx.workspace()).export(fx.supervisor(),
                new ExportOptions(ExportFormat.JSONL, false, false, "AZ-1", out));
        assertThat(contents(out)).containsOnlyKeys("golden_records.jsonl", "lineage.jsonl", "members.jsonl",
                "journal.jsonl", "journal.head", "journal.treehead.json");
    }

    @Test
    void aFolderWithOtherFilesIsRefusedBeforeAnythingIsLogged() throws IOException {
        Path out = Files.createDirectories(dir.resolve("Dokumente"));
        Files.writeString(out.resolve("Brief.odt"), "mine");
        long entries = fx.workspace().read(c -> de.grw.journal.Journal.all(c).size());
        assertThatThrownBy(() -> new GoldenExporter(fx.workspace()).export(fx.supervisor(), csvInto(out)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Dokumente: the folder holds files that are not part of an export (Brief.odt)");
        assertThat(contents(out)).containsOnlyKeys("Brief.odt");
        assertThat((long) fx.workspace().read(c -> de.grw.journal.Journal.all(c).size())).isEqualTo(entries);
    }

    @Test
    void aSetLeftAsideByACrashBetweenTheRenamesIsPutBack() throws IOException {
        Path out = dir.resolve("export");
        new GoldenExporter(fx.workspace()).export(fx.supervisor(), csvInto(out));
        Map<String, byte[]> before = contents(out);
        // the state after the first rename of a replacement: the old set aside, the target missing
        Files.move(out, dir.resolve(".export.grw-previous-1234"));
        Files.createDirectory(dir.resolve(".export.grw-partial-5678"));
        Files.setLastModifiedTime(dir.resolve(".export.grw-partial-5678"),
                java.nio.file.attribute.FileTime.fromMillis(0));
        GoldenExporter broken = new GoldenExporter(fx.workspace(), diskFullIn("members.csv", 0));
        assertThatThrownBy(() -> broken.export(fx.supervisor(), csvInto(out))).isInstanceOf(UserFacingException.class);
        Map<String, byte[]> after = contents(out);
        after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
        assertThat(siblings()).containsExactlyInAnyOrderElementsOf(exportAndStore());
    }
}
