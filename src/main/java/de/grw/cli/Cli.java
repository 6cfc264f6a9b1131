package de.grw.cli;

/** Command-line front end (placeholder until the match command lands). */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args) {
        System.err.println("grw: no commands yet");
        return 2;
    }
}
