package de.grw.ui;

import javafx.application.Application;

/** Starts the desktop workbench. A plain class, so that the shaded jar can start JavaFX from the class path. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
