package de.grw.ui.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.grw.common.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's settings, kept between runs in the user's profile ({@code ~/.golden-record-workbench/settings.json}, or
 * under {@code -Dgrw.home=DIR}): language, font size, recent workspaces and servers, last directory, and the
 * certificate fingerprints of the servers this user confirmed (like SSH's {@code known_hosts}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class UserSettings {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int RECENT = 8;

    public String language = "de";
    public double fontSize = 14;
    public List<String> recentWorkspaces = new ArrayList<>();
    public String lastDirectory = "";
    public String lastUser = "";
    /** Servers connected to, newest first, as {@code https://host:port}. */
    public List<String> recentServers = new ArrayList<>();
    /**
     * The SHA-256 certificate fingerprint the user confirmed for each server ({@code https://host:port} to
     * {@code AB:CD:...}): pinned from the first connection on; a server that shows another one is refused.
     */
    public Map<String, String> serverFingerprints = new LinkedHashMap<>();
    /** Whether the start screen opens on the server connection (the last connection was to a server). */
    public boolean lastWasServer;

    /**
     * The application's folder in the user's profile: {@code -Dgrw.home}, else the environment variable
     * {@code GRW_HOME} (as for the command line), else {@code ~/.golden-record-workbench}.
     */
    public static Path home() {
        String override = System.getProperty("grw.home");
        if (override != null) {
            return Path.of(override);
        }
        String env = System.getenv("GRW_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"),
                ".golden-record-workbench");
    }

    public static UserSettings load() {
        Path file = home().resolve("settings.json");
        if (Files.isRegularFile(file)) {
            try {
                return JSON.readValue(file.toFile(), UserSettings.class);
            } catch (IOException e) {
                // unreadable settings are replaced by defaults; the next save repairs the file
                return new UserSettings();
            }
        }
        return new UserSettings();
    }

    public void save() {
        try {
            AtomicFiles.write(home().resolve("settings.json"), out -> out.write(JSON.writeValueAsBytes(this)));
        } catch (IOException e) {
            // settings are a convenience; failing to save them must not stop the work
        }
    }

    /** Puts a workspace at the top of the recent list. */
    public void remember(Path workspace) {
        String p = workspace.toAbsolutePath().toString();
        recentWorkspaces.remove(p);
        recentWorkspaces.add(0, p);
        while (recentWorkspaces.size() > RECENT) {
            recentWorkspaces.remove(recentWorkspaces.size() - 1);
        }
    }

    /** Puts a server at the top of the recent list and pins the fingerprint the user confirmed for it. */
    public void rememberServer(String url, String fingerprint) {
        recentServers.remove(url);
        recentServers.add(0, url);
        while (recentServers.size() > RECENT) {
            // the pin stays: a server that drops off the list is still known (only forgetServer unpins)
            recentServers.remove(recentServers.size() - 1);
        }
        serverFingerprints.put(url, fingerprint);
    }

    /** Forgets a server and its pinned fingerprint (before accepting a new certificate the administrator announced). */
    public void forgetServer(String url) {
        recentServers.remove(url);
        serverFingerprints.remove(url);
    }
}
