package de.grw.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose every test gets its own server over a fresh copy of the sample workspace ({@link #s}), closed
 * after the test; a test that needs more configuration or accounts starts its own {@link TestServer} instead.
 */
abstract class ServerPerTest {
    @TempDir
    Path dir;
    TestServer s;

    @BeforeEach
    void startServer() {
        s = TestServer.start(dir);
    }

    @AfterEach
    void stopServer() {
        s.close();
    }
}
