package de.grw.ui.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.grw.common.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's settings, kept between runs in the user's profile ({@code ~/.golden-record-workbench/settings.json}, or
 * under {@code -Dgrw.home=DIR}): language, font size, recent workspaces, last directory.
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
}
