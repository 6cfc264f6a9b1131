package de.grw.api.local;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.samples.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sample workspace of Musterstadt (three bundled registers, matched, some decisions taken) with its demo
 * accounts; built locally for a first look and for trials.
 */
public final class SampleWorkbench {
    /** Demo accounts and their password (shown on the start screen; for the sample only). */
    public static final String ADMIN = SampleWorkspace.ADMIN;
    public static final String CLERK = SampleWorkspace.CLERK;
    public static final String SUPERVISOR = SampleWorkspace.SUPERVISOR;
    public static final String PASSWORD = SampleWorkspace.PASSWORD;
    /** The case reference of the sample's decisions. */
    public static final String CASE = SampleWorkspace.CASE;

    private SampleWorkbench() {
    }

    /** Builds the sample workspace at {@code file} (replacing an existing one) and opens it. Long work. */
    public static LocalWorkbench build(Path file, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        return LocalWorkbench.of(SampleWorkspace.build(file, progress, cancel));
    }
}
