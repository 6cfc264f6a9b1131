package de.grw.ui;

import de.grw.ui.common.UserSettings;
import javafx.application.Application;

/**
 * Starts the desktop workbench. A plain class, so that the shaded jar can start JavaFX from the class path. It
 * points logging at a rolling file in the user's profile before anything logs.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            java.nio.file.Path logs = UserSettings.home().resolve("logs");
            String problem = de.grw.ui.common.LogFolder.prepare(logs); // owner-only, before the logger opens its file
            if (problem != null) {
                System.err.println(problem);
            }
            System.setProperty("grw.logdir", logs.toString());
            System.setProperty("logback.configurationFile", "logback-desktop.xml");
        }
        try {
            Application.launch(WorkbenchApp.class, args);
        } catch (RuntimeException | Error e) {
            // the window toolkit could not start (no GTK 3, no display): one clear line, no stack trace
            String why = ToolkitFailure.describe(e);
            if (why == null) {
                throw e;
            }
            System.err.println(why);
            System.exit(ToolkitFailure.EXIT_NO_WINDOW);
        }
    }
}
