package de.grw.cli;

import de.grw.api.Account;
import de.grw.rights.Role;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grw users}: lists and manages accounts (administrators; everyone may change their own password). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Lists and manages the accounts of a workspace. Roles: clerk (Sachbearbeitung), "
                + "supervisor (Vorgesetzte), administrator. A new password comes from the environment "
                + "variable named with --new-password-env, else it is asked for twice.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Disable.class,
            UsersCommand.Enable.class, UsersCommand.SetRole.class, UsersCommand.Passwd.class})
final class UsersCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw SignedInCommand.nameWhatToDo(spec, "list, add, disable, enable, role or passwd");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
    static final class ListUsers extends SignedInCommand {
        private static final Columns ACCOUNTS = new Columns("%-24s %-14s %-16s %-26s %-9s %s", "name", "role",
                "person", "created", "state", "password");

        @Override
        void run(Login login, PrintWriter out) {
            ACCOUNTS.header(out);
            for (Account u : login.signedIn().users().list()) {
                ACCOUNTS.row(out, u.name(), u.role().name().toLowerCase(Locale.ROOT), u.person(), u.createdAt(),
                        u.disabled() ? "disabled" : u.locked() ? "locked" : "active",
                        u.oneTimePassword() ? "one-time" : "own");
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an account.")
    static final class Add extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The new account's name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "clerk, supervisor, administrator, api (an application that links records in real time) or "
                        + "api-store (an application that may also store a linked record in a source).")
        String role;

        @Option(names = "--person", paramLabel = "ID",
                description = "The personnel number of the person the account belongs to: four eyes compares persons, "
                        + "a person has one clerk or supervisor account, and whoever administers does not review "
                        + "(without it the account is its own person).")
        String person;

        @Option(names = "--new-password-env", paramLabel = "VAR",
                description = "Environment variable holding the new account's one-time password (else it is asked "
                        + "for); its holder sets their own with 'users passwd' before proposing or approving.")
        String passwordVariable;

        private Role parsed;

        @Override
        public Integer call() {
            try {
                parsed = Role.parse(role); // before signing in: a wrong role is a wrong option
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return super.call();
        }

        @Override
        void run(Login login, PrintWriter out) {
            char[] password = Passwords.fresh(spec, passwordVariable, null, name);
            try {
                login.signedIn().users().add(name, parsed, person, password);
            } finally {
                Passwords.wipe(password);
            }
            out.println("account " + name + " added (" + parsed.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables an account (it can no "
            + "longer log in; its history stays).")
    static final class Disable extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Login login, PrintWriter out) {
            login.signedIn().users().setDisabled(name, true);
            out.println("account " + name + " disabled");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled account.")
    static final class Enable extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Login login, PrintWriter out) {
            login.signedIn().users().setDisabled(name, false);
            out.println("account " + name + " enabled");
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Gives an account another role "
            + "(nobody changes their own; a person has one reviewing account, and whoever administers does not "
            + "review).")
    static final class SetRole extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "clerk, supervisor, administrator, api or api-store.")
        String role;

        private Role parsed;

        @Override
        public Integer call() {
            try {
                parsed = Role.parse(role); // before signing in: a wrong role is a wrong option
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return super.call();
        }

        @Override
        void run(Login login, PrintWriter out) {
            login.signedIn().users().setRole(name, parsed);
            out.println("account " + name + " is now " + parsed.name().toLowerCase(Locale.ROOT));
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Sets a new password: your own, or (administrators) anyone's.")
    static final class Passwd extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--new-password-env", paramLabel = "VAR",
                description = "Environment variable holding the new password (else it is asked for).")
        String passwordVariable;

        @Override
        void run(Login login, PrintWriter out) {
            char[] password = Passwords.fresh(spec, passwordVariable, null, name);
            try {
                login.signedIn().users().setPassword(name, password);
            } finally {
                Passwords.wipe(password);
            }
            out.println("password of " + name + " changed");
        }
    }
}
