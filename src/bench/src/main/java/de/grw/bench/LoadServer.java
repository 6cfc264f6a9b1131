package de.grw.bench;

import de.grw.api.remote.RemoteWorkbench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace server of {@code server-load} as a process of its own ({@code java -jar grw.jar server}): started,
 * asked for its link index, killed with {@code kill -9} and started again. Its address and certificate fingerprint
 * are what the clients connect with; {@link #down()} says whether it is being killed or restarted.
 */
final class LoadServer implements AutoCloseable {
    private final Path jar;
    private final Path config;
    private final String url;
    private volatile String fingerprint;
    private volatile boolean down;
    private Process process;

    LoadServer(Path jar, Path config, int port) {
        this.jar = jar;
        this.config = config;
        this.url = "https://127.0.0.1:" + port + "/api/v1";
    }

    String url() {
        return url;
    }

    String fingerprint() {
        return fingerprint;
    }

    boolean down() {
        return down;
    }

    /** A new connection to the server (the remote client checks its certificate against the fingerprint). */
    RemoteWorkbench connect() {
        return RemoteWorkbench.connect(url, fingerprint);
    }

    /** Starts {@code grw server} and waits (at most 2 minutes) for its fingerprint line. */
    void start(Path log, PrintWriter out) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "server", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern fp = Pattern.compile("certificate SHA-256 fingerprint: (\\S+)");
        while (System.nanoTime() - t < 120e9) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server stopped: " + Files.readString(log));
            }
            Matcher m = fp.matcher(Files.readString(log));
            if (m.find()) {
                fingerprint = m.group(1);
                process = p;
                out.printf("server up in %.1f s (%s)%n", (System.nanoTime() - t) / 1e9, url);
                return;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start within 2 minutes: " + Files.readString(log));
    }

    /**
     * Waits until the server says its link index is ready ({@code GET /api/v1/status}); returns the seconds
     * waited.
     *
     * @throws IllegalStateException not ready within the time, or the server says it has none (it cannot link)
     */
    double awaitLinkIndex(double maxSeconds) throws InterruptedException {
        long t = System.nanoTime();
        String status = "?";
        try (RemoteWorkbench w = connect()) {
            while (System.nanoTime() - t < maxSeconds * 1e9) {
                status = w.linkIndexStatus();
                if (status.equals("ready")) {
                    return (System.nanoTime() - t) / 1e9;
                }
                if (status.equals("none") && System.nanoTime() - t > 10e9) {
                    break; // not building: the workspace cannot link
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the server's link index is not ready after " + Math.round(maxSeconds)
                + " s (status: " + status + ")");
    }

    /** {@code kill -9}: no shutdown hook, no clean close. The server counts as down until {@link #up()}. */
    void kill() throws InterruptedException {
        down = true;
        process.destroyForcibly().waitFor();
    }

    /** The server was started again after {@link #kill()}. */
    void up() {
        down = false;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
