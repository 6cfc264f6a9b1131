package de.grw.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process and captures its output. */
final class CliRunner {
    final int exitCode;
    final String out;
    final String err;

    private CliRunner(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRunner run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with these environment variables (e.g. GRW_PASSWORD) and no terminal to ask for a password. */
    static CliRunner run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(environment));
        return new CliRunner(code, out.toString(), err.toString());
    }

    static CliRunner of(int exitCode, String out, String err) {
        return new CliRunner(exitCode, out, err);
    }

    String all() {
        return out + err;
    }
}
