package de.grw;

/** Entry point of the runnable jar. Dispatches to the command line; the desktop UI arrives later. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(de.grw.cli.Cli.run(args));
    }
}
