package de.grw;

import java.util.Arrays;

/**
 * Entry point of the runnable jar: without arguments the desktop workbench, with {@code server ...} the workspace
 * server ({@code grw server --config FILE}), with other arguments the command line. The three front ends know
 * nothing of each other; only this class chooses between them.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            de.grw.ui.DesktopLauncher.main(args);
            return;
        }
        if (args[0].equals("server")) {
            System.exit(de.grw.server.ServerLauncher.run(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        System.exit(de.grw.cli.Cli.run(args));
    }
}
