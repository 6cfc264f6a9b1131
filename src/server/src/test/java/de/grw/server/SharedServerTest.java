package de.grw.server;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace server started once for all tests of a class ({@link TestServer} on a copy of the matched sample
 * workspace), with its URL and the fingerprint a client pins; for the tests that talk to it through
 * {@link de.grw.api.remote.RemoteWorkbench} as well as by HTTP.
 */
abstract class SharedServerTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static URI url;
    static String fingerprint;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        url = URI.create("https://localhost:" + s.server.port());
        fingerprint = s.server.certificate().fingerprint();
    }

    @AfterAll
    static void stop() {
        s.close();
    }
}
