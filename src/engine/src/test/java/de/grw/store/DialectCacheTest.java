package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk write on SQLite runs with the large page cache and leaves the connection's own size behind. */
class DialectCacheTest {
    @TempDir
    Path dir;

    @Test
    void aBulkWriteHasTheLargeCacheAndTheConnectionItsOwnAgainAfterwards() {
        try (Workspace w = TestStore.file(dir.resolve("ws.grw")).create("person-de")) {
            long before = w.read(SqliteDialect::cacheSize);
            long during = w.write(c -> Dialect.of(c).withBulkCache(c, SqliteDialect::cacheSize));
            assertThat(during).isEqualTo(-SqliteDialect.BULK_CACHE_KIB);
            assertThat(before).isNotEqualTo(during);
            assertThat(w.read(SqliteDialect::cacheSize)).isEqualTo(before);
        }
    }

    @Test
    void aFailedBulkWriteLeavesTheConnectionsOwnSizeToo() {
        try (Workspace w = TestStore.file(dir.resolve("ws.grw")).create("person-de")) {
            long before = w.read(SqliteDialect::cacheSize);
            assertThatThrownBy(() -> w.write(c -> Dialect.of(c).withBulkCache(c, cc -> {
                throw new SQLException("broken");
            }))).hasMessageContaining("broken");
            assertThat(w.read(SqliteDialect::cacheSize)).isEqualTo(before);
        }
    }
}
