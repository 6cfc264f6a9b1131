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
            System.setProperty("grw.logdir", UserSettings.home().resolve("logs").toString());
            System.setProperty("logback.configurationFile", "logback-desktop.xml");
        }
        Application.launch(WorkbenchApp.class, args);
    }
}
