package de.grw.api.local;

import de.grw.access.AccessLogService;
import de.grw.api.AccessEntry;
import de.grw.api.AccessLogApi;
import de.grw.store.Workspace;
import java.util.List;

/** The access log through the engine's {@link AccessLogService}. */
final class LocalAccessLog implements AccessLogApi {
    private final LocalSignedIn signedIn;
    private final AccessLogService log;

    LocalAccessLog(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.log = new AccessLogService(workspace);
    }

    @Override
    public List<AccessEntry> query(String person, String user, int limit) {
        return log.query(signedIn.session(), person, user, limit).stream().map(e -> new AccessEntry(e.id(), e.at(),
                e.user(), e.action(), e.caseRef(), e.detail(), e.recordIds())).toList();
    }
}
