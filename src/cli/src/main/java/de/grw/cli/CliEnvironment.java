package de.grw.cli;

import java.io.Console;
import java.util.Map;
import java.util.function.Function;

/**
 * What the command line takes from outside its arguments: environment variables (passwords in {@code GRW_PASSWORD}
 * and in the variables named by {@code --new-password-env}) and a terminal to ask for a password. The launcher uses
 * the real ones; in-process tests and embedding programs pass their own (see {@link Cli#run(String[],
 * java.io.PrintWriter, java.io.PrintWriter, CliEnvironment)}), since a running JVM cannot set its own environment.
 *
 * @param variables looks up an environment variable; returns {@code null} when it is not set
 * @param prompt    asks for a password without echo; returns {@code null} when there is no terminal
 */
public record CliEnvironment(Function<String, String> variables, PasswordPrompt prompt) {

    /** A command line's root command that carries the environment its commands use. */
    public interface Holder {
        CliEnvironment environment();
    }

    /** Asks the user for a secret. */
    @FunctionalInterface
    public interface PasswordPrompt {
        /** The typed password, or {@code null} if nobody can be asked (no terminal). */
        char[] read(String prompt);
    }

    /** The process environment and the console, if there is one. */
    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, text -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", text);
        });
    }

    /** Fixed variables and no terminal; for tests and automation. */
    public static CliEnvironment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new CliEnvironment(copy::get, text -> null);
    }

    public String variable(String name) {
        return variables.apply(name);
    }
}
