package de.grw.cli;

import de.grw.common.UserFacingException;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the command line gets passwords: the user's own from the environment variable {@code GRW_PASSWORD}, else
 * from a prompt; a new password (for {@code init}, {@code users add}, {@code users passwd}) from the environment
 * variable named with {@code --new-password-env}, else from a prompt, typed twice. Never from an argument, which
 * would be visible in the process list and the shell history.
 */
public final class Passwords {
    /** The environment variable holding the password of the user named with {@code --user}. */
    static final String PASSWORD_VARIABLE = "GRW_PASSWORD";
    /** The environment variable holding the password of the database user ({@code --db-user}). */
    static final String DB_PASSWORD_VARIABLE = "GRW_DB_PASSWORD";

    private Passwords() {
    }

    public static CliEnvironment environment(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof CliEnvironment.Holder holder ? holder.environment() : CliEnvironment.system();
    }

    /** The password of {@code user}, to log in. */
    static char[] current(CommandSpec spec, String user) {
        CliEnvironment env = environment(spec);
        String value = env.variable(PASSWORD_VARIABLE);
        if (value != null) {
            return value.toCharArray();
        }
        char[] typed = env.prompt().read("Password for " + user + ": ");
        if (typed == null) {
            throw new UserFacingException("no password for " + user + ": set the environment variable "
                    + PASSWORD_VARIABLE + " or run the command in a terminal to be asked");
        }
        return typed;
    }

    /**
     * The password of a database user: from {@code GRW_DB_PASSWORD}, else asked for; {@code null} where nobody can
     * be asked (the database may not need one) and for SQLite, which has no logins.
     */
    public static char[] database(CommandSpec spec, String url, String user) {
        if (de.grw.importing.db.Databases.kind(url) == de.grw.importing.db.Databases.Kind.SQLITE) {
            return null;
        }
        CliEnvironment env = environment(spec);
        String value = env.variable(DB_PASSWORD_VARIABLE);
        if (value != null) {
            return value.toCharArray();
        }
        return env.prompt().read("Password for database user " + (user == null ? "(default)" : user) + " at "
                + de.grw.importing.db.Databases.safeUrl(url) + ": ");
    }

    /**
     * A new password: from the environment variable {@code variable} if given (it must be set), else typed twice.
     *
     * @param fallbackVariable a variable to use when {@code variable} is {@code null} (for {@code init}:
     *                         {@code GRW_PASSWORD}, so that the first administrator logs in with what was set), or
     *                         {@code null}
     */
    static char[] fresh(CommandSpec spec, String variable, String fallbackVariable, String forWhom) {
        CliEnvironment env = environment(spec);
        if (variable != null) {
            String value = env.variable(variable);
            if (value == null) {
                throw new UserFacingException("the environment variable " + variable + " (the new password for "
                        + forWhom + ") is not set");
            }
            return value.toCharArray();
        }
        if (fallbackVariable != null && env.variable(fallbackVariable) != null) {
            return env.variable(fallbackVariable).toCharArray();
        }
        char[] first = env.prompt().read("New password for " + forWhom + " (at least 10 characters): ");
        if (first == null) {
            throw new UserFacingException("no new password for " + forWhom + ": " + (fallbackVariable == null
                    ? "name an environment variable holding it with --new-password-env VAR"
                    : "set the environment variable " + fallbackVariable) + ", or run the command in a terminal to "
                    + "be asked");
        }
        char[] second = env.prompt().read("The same password again: ");
        if (second == null || !Arrays.equals(first, second)) {
            wipe(first);
            wipe(second);
            throw new UserFacingException("the two passwords differ; nothing was changed");
        }
        wipe(second);
        return first;
    }

    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
