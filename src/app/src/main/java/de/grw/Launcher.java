package de.grw;

/** Entry point of the runnable jar: without arguments the desktop workbench, with arguments the command line. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            de.grw.ui.DesktopLauncher.main(args);
            return;
        }
        System.exit(de.grw.cli.Cli.run(args));
    }
}
