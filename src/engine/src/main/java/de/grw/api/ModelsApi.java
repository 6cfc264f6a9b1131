package de.grw.api;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.versions.ModelVersionView;
import java.util.List;

/**
 * The workspace's model versions (issue 15): every trained model is a version with its inputs and estimated quality;
 * a supervisor who did not train it activates it (four eyes), and a supervisor can go back to a version that was
 * active before. The rights are checked behind this interface (in the engine, also for the server's routes). Every
 * method reads or writes the workspace: call it off the FX thread.
 */
public interface ModelsApi {

    /** All versions, newest first, with which is active. */
    List<ModelVersionView> list();

    /**
     * Trains a new version over all records (long work); it is not active until a supervisor other than the
     * signed-in user activates it (unless the workspace has no usable model yet).
     */
    ModelVersionView train(ProgressListener progress, CancellationToken cancel);

    /** Activates a version trained by someone else, never active before (supervisors). */
    ModelVersionView activate(int version, String comment);

    /** Goes back to a version that was active before (supervisors). */
    ModelVersionView revert(int version, String comment);
}
