package de.grw.ui.remote;

import de.grw.server.WorkspaceServer;
import de.grw.server.config.ServerConfig;
import de.grw.workspace.TestWorkspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A workspace server for the desktop's tests, started in this JVM as the server module's tests start one: on a free
 * port of the loopback interface, over a copy of the matched sample workspace (accounts admin, anna and dora
 * (clerks), bernd and carla (supervisors); see TestWorkspaces), with the certificate it generates at its first start.
 */
public final class TestServers {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private TestServers() {
    }

    public static WorkspaceServer start(Path dir, String... extraConfig) {
        try {
            Path ws = TestWorkspaces.copyTo(dir);
            Path conf = dir.resolve("server.conf");
            Files.writeString(conf, "listen.address = 127.0.0.1\nlisten.port = 0\n"
                    + "data.dir = " + dir.resolve("data") + "\n"
                    + "store = sqlite\nstore.sqlite.file = " + ws + "\n"
                    + "workspace.name = Musterstadt\n" + String.join("\n", extraConfig) + "\n",
                    StandardCharsets.UTF_8);
            return WorkspaceServer.start(ServerConfig.read(conf), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address a client types: {@code https://localhost:port}. */
    public static String url(WorkspaceServer server) {
        return "https://localhost:" + server.port();
    }
}
