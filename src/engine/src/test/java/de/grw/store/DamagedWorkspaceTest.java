package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.GoldenExporter;
import de.grw.journal.JournalService;
import de.grw.workspace.TestWorkspaces;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace file with a damaged page (found by SQLite's quick_check, though the journal's own pages are intact)
 * is neither verified nor exported: both stop with a message naming the file.
 */
class DamagedWorkspaceTest {
    @TempDir
    Path dir;

    /** Overwrites one page of the records table's b-tree in the middle of the file. */
    static void damageARecordsPage(Path file) throws Exception {
        long page;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'records'")) {
                rs.next();
                page = rs.getLong(1);
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // the root page of the records table: an interior b-tree page; its header and cell pointers garbled
            raf.seek((page - 1) * pageSize);
            byte[] garbage = new byte[64];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            raf.write(garbage);
        }
    }

    @Test
    void verifyAndExportStopOnADamagedPage() throws Exception {
        Path file = TestWorkspaces.copyTo(dir);
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            w.checkIntegrity();
        }
        damageARecordsPage(file);
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            TestWorkspaces.Fixture fx = TestWorkspaces.fixture(w);
            assertThatThrownBy(() -> new JournalService(w).verify(fx.supervisor()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith(file + ": the workspace file is damaged (")
                    .hasMessageContaining("Nothing was verified or exported");
            Path out = dir.resolve("export");
            assertThatThrownBy(() -> new GoldenExporter(w).export(fx.supervisor(),
                    new ExportOptions(ExportFormat.CSV, false, false, "AZ-1", out)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("the workspace file is damaged");
            assertThat(Files.exists(out)).isFalse();
        }
    }
}
