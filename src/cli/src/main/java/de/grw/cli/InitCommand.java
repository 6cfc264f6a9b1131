package de.grw.cli;

import de.grw.api.local.LocalWorkbench;
import de.grw.profile.ProfileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw init}: creates a workspace and its first administrator. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates a workspace file for a match profile, with its first account: an administrator "
                + "named by --user. The password (at least 10 characters) comes from GRW_PASSWORD, else it "
                + "is asked for twice.")
final class InitCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Match profile: a built-in name or a JSON "
            + "file. Default: ${DEFAULT-VALUE}.", defaultValue = ProfileLoader.DEFAULT_PROFILE)
    String profile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        char[] password = Passwords.fresh(spec, null, Passwords.PASSWORD_VARIABLE, options.user);
        try {
            Path file = options.workspace;
            // checks the password first; a workspace whose administrator cannot be created is removed again
            LocalWorkbench.create(file, profile, options.user, password).close();
            out.println("workspace " + file + " created (profile " + profile + ")");
            out.println("administrator " + options.user + " created; add further accounts with 'grw users add'");
            return 0;
        } finally {
            Passwords.wipe(password);
        }
    }
}
