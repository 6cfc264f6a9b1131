package de.grw.server;

import de.grw.common.UserFacingException;
import de.grw.server.config.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code grw server --config FILE}: starts the workspace server and runs until the process is stopped (SIGTERM,
 * {@code systemctl stop grw-server}). The runnable jar's launcher calls it with the console's streams; the server
 * itself logs through SLF4J ({@code logback-server.xml}: to standard output, which systemd's journal keeps).
 */
public final class ServerLauncher {
    static final String USAGE = """
            Usage: grw server --config FILE
            Starts the workspace server: the workspace behind an authenticated JSON API over HTTPS.
              --config FILE   the server's configuration (see installer/server.conf; packaged: /etc/grw/server.conf)
              -h, --help      show this help
            A first start without a keystore generates a self-signed certificate into the data directory and prints
            its SHA-256 fingerprint, which clients compare before they trust it.""";

    private ServerLauncher() {
    }

    /** {@code grw server ...} on the process's console: the server's command line. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /**
     * Starts the server and waits until the process ends.
     *
     * @return the exit code (0: stopped; 1: could not start; 2: wrong arguments)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        err.println("--config needs a file");
                        return 2;
                    }
                    config = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--config=")) {
                        config = Path.of(args[i].substring("--config=".length()));
                    } else {
                        err.println("unknown argument: " + args[i]);
                        err.println(USAGE);
                        return 2;
                    }
                }
            }
        }
        if (config == null) {
            err.println(USAGE);
            return 2;
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-server.xml");
        }
        WorkspaceServer server;
        try {
            server = WorkspaceServer.start(ServerConfig.read(config), Clock.systemUTC());
        } catch (UserFacingException e) {
            err.println("grw server: " + e.getMessage());
            return 1;
        }
        out.println("Golden Record Workbench server listening on https://" + server.config().address() + ":"
                + server.port() + "/api/v1");
        out.println("certificate " + server.certificate().file() + (server.certificate().generated()
                ? " (self-signed, generated now)" : ""));
        out.println("certificate SHA-256 fingerprint: " + server.certificate().fingerprint());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                out.println("Golden Record Workbench server stopped; every session has ended");
            } finally {
                out.flush();
                stopped.countDown();
            }
        }, "grw-server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
