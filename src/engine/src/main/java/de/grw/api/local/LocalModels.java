package de.grw.api.local;

import de.grw.api.ModelsApi;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.store.Workspace;
import de.grw.versions.ModelVersionView;
import de.grw.versions.ModelVersions;
import de.grw.workspace.WorkspaceMatcher;
import java.util.List;

/** Model versions through the engine's {@link ModelVersions} and {@link WorkspaceMatcher#train}. */
final class LocalModels implements ModelsApi {
    private final LocalSignedIn signedIn;
    private final ModelVersions versions;
    private final WorkspaceMatcher matcher;

    LocalModels(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.versions = new ModelVersions(workspace);
        this.matcher = de.grw.learning.Learning.matcher(workspace);
    }

    @Override
    public List<ModelVersionView> list() {
        return versions.list(signedIn.session());
    }

    @Override
    public ModelVersionView train(ProgressListener progress, CancellationToken cancel) {
        int version = matcher.train(signedIn.session(), progress, cancel);
        return versions.version(signedIn.session(), version);
    }

    @Override
    public ModelVersionView activate(int version, String comment) {
        return versions.activate(signedIn.session(), version, comment);
    }

    @Override
    public ModelVersionView revert(int version, String comment) {
        return versions.revert(signedIn.session(), version, comment);
    }
}
