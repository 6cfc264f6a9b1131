package de.grw.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the governance commands that also work against a workspace server: a workspace file
 * ({@code --workspace}) or a server ({@code --server URL}, its certificate pinned with {@code --fingerprint}), and
 * the user (password: see {@link Passwords}).
 */
final class ServerOrWorkspaceOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "The workspace file.")
        Path workspace;

        @Option(names = "--server", paramLabel = "URL", description = "A workspace server, https://host:port.")
        String server;
    }

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "With --server: the SHA-256 fingerprint "
            + "of the server's certificate (grw server prints it). Without it the JVM's certificate authorities "
            + "decide.")
    String fingerprint;

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME",
            description = "Your user name. The password is read from the environment variable GRW_PASSWORD, "
                    + "else asked for.")
    String user;

    /** Whether the command works against a workspace server. */
    boolean remote() {
        return where.server != null;
    }

    /** Opens the workspace or connects to the server, and signs in. */
    Login login() {
        return login(spec, where.workspace, where.server, fingerprint, user);
    }

    static Login login(CommandSpec spec, Path workspace, String server, String fingerprint, String user) {
        if (server == null) {
            if (fingerprint != null) {
                throw new ParameterException(spec.commandLine(), "--fingerprint belongs to --server");
            }
            return Login.open(spec, workspace, user);
        }
        return Login.connect(spec, server, fingerprint, user);
    }
}
