package de.grw.server;

import de.grw.api.remote.RemoteWorkbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link ServerPerTest} with a client of the remote service interfaces ({@link #w}) connected to the server. */
abstract class RemotePerTest extends ServerPerTest {
    RemoteWorkbench w;

    @BeforeEach
    void connect() {
        w = s.remote();
    }

    @AfterEach
    void disconnect() {
        w.close();
    }
}
