package de.grw.cli;

import de.grw.api.local.LocalWorkbench;
import de.grw.api.local.SampleWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw sample-workspace}: builds the ready sample workspace from the bundled samples. */
@Command(name = "sample-workspace", mixinStandardHelpOptions = true,
        description = "Builds the sample workspace of Musterstadt from the bundled samples: three sources imported, "
            + "matched, some decisions taken; demo accounts sachbearbeitung, vorgesetzte and admin (password "
            + "Beispiel-2026, for the sample only).")
public final class SampleWorkspaceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The workspace file to create.")
    Path out;

    @Option(names = "--replace", description = "Replace an existing file.")
    boolean replace;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !replace) {
            throw new de.grw.common.UserFacingException(out + ": exists already (use --replace)");
        }
        try (LocalWorkbench w = SampleWorkbench.build(out, ProgressListener.NONE, CancellationToken.NONE)) {
            spec.commandLine().getOut().printf("sample workspace written to %s; sign in as %s, %s or %s with the "
                    + "password %s%n", out, SampleWorkbench.CLERK, SampleWorkbench.SUPERVISOR,
                    SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD);
        }
        return 0;
    }
}
