package de.grw.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every workspace command shares: the workspace file and the user (password: see {@link Passwords}). */
final class WorkspaceOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "FILE", description = "The workspace file.")
    Path workspace;

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME",
            description = "Your user name. The password is read from the environment variable GRW_PASSWORD, "
                    + "else asked for.")
    String user;

    /** Opens the workspace and logs in. */
    Login login() {
        return Login.open(spec, workspace, user);
    }
}
