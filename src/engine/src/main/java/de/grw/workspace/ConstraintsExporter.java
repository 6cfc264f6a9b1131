package de.grw.workspace;

import de.grw.access.AccessLog;
import de.grw.common.CaseReference;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a workspace's must-links and cannot-links ({@link MatchConstraints}) for a match run outside it, read with
 * the same repositories a workspace run reads them with ({@link MatchRunRepository#activeGoldenGroups},
 * {@link ClusterRepository#activeCannotLinks}). Needs the right to run a match.
 *
 * <p>The file names records (source and record key) and which of them are one person: every export is logged in
 * the access log ({@value #ACCESS_ACTION}, with the records it names), in the transaction that reads the
 * decisions, before the file is written, under the case reference the export is made for (required); so alike on a
 * workspace file and through the server.
 */
public final class ConstraintsExporter {
    private static final Logger LOG = LoggerFactory.getLogger(ConstraintsExporter.class);
    /** The access log's action of an export of constraints. */
    public static final String ACCESS_ACTION = "EXPORT_CONSTRAINTS";
    private final Workspace workspace;

    public ConstraintsExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What was written. */
    public record Summary(int mustLinkGroups, int mustLinkRecords, int cannotLinks) {
    }

    /**
     * Reads the decisions and writes them to {@code out} (atomically); the access-log entry carries the case
     * reference, which is required: the file tells who is one person and who is not, and leaves the workspace.
     *
     * @throws de.grw.rights.AccessDeniedException the account may not run a match
     * @throws UserFacingException                  no case reference, or one that cannot name a case
     *                                              ({@link CaseReference#check})
     */
    public Summary export(Session session, Path out, String caseRef) {
        session.require(Permission.MATCH, "export_constraints");
        String reference = CaseReference.check(caseRef);
        if (reference.isEmpty()) {
            throw new UserFacingException(Text.of("constraints.needs_case"));
        }
        MatchConstraints constraints = workspace.write(c -> {
            Logged logged = constraints(c, session.user());
            Summary counted = summary(logged.constraints());
            AccessLog.record(c, workspace.now(), session.user(), ACCESS_ACTION, reference, "export of the "
                    + "constraints for a match run elsewhere: " + counted.mustLinkGroups() + " must-link groups ("
                    + counted.mustLinkRecords() + " records), " + counted.cannotLinks() + " cannot-links",
                    logged.recordIds());
            return logged.constraints();
        });
        try {
            constraints.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write the constraints", e);
        }
        Summary s = summary(constraints);
        LOG.info("constraints exported by {} to {}: {}", session.user(), out, s);
        return s;
    }

    private static Summary summary(MatchConstraints constraints) {
        return new Summary(constraints.mustLink().size(),
                constraints.mustLink().stream().mapToInt(List::size).sum(), constraints.cannotLink().size());
    }

    /** The constraints and the workspace ids of the records they name (for the access log). */
    private record Logged(MatchConstraints constraints, java.util.Set<Long> recordIds) {
    }

    private Logged constraints(Connection c, String user) throws SQLException {
        java.util.Set<Long> named = new java.util.TreeSet<>();
        Map<Long, String> sourceNames = RecordRowsRepository.sourceNames(c);
        Map<Long, MatchConstraints.Ref> refs = new HashMap<>();
        RecordRowsRepository.recordsAfter(c, Long.MIN_VALUE, WorkspaceLoader.FETCH_SIZE,
                (id, sourceId, key, valuesJson) -> refs.put(id, new MatchConstraints.Ref(sourceNames.get(sourceId),
                        key)));
        List<List<MatchConstraints.Ref>> must = new ArrayList<>();
        for (long[] group : MatchRunRepository.activeGoldenGroups(c)) {
            List<MatchConstraints.Ref> members = new ArrayList<>();
            for (long id : group) {
                if (refs.containsKey(id)) {
                    members.add(refs.get(id));
                }
            }
            if (members.size() > 1) {
                must.add(members);
                for (long id : group) {
                    if (refs.containsKey(id)) {
                        named.add(id);
                    }
                }
            }
        }
        List<List<MatchConstraints.Ref>> cannot = new ArrayList<>();
        ClusterRepository.activeCannotLinks(c).stream().sorted().forEach(packed -> {
            MatchConstraints.Ref a = refs.get(packed >>> 32);
            MatchConstraints.Ref b = refs.get(packed & 0xffffffffL);
            if (a != null && b != null) {
                cannot.add(List.of(a, b));
                named.add(packed >>> 32);
                named.add(packed & 0xffffffffL);
            }
        });
        return new Logged(new MatchConstraints(MatchConstraints.FORMAT, MatchConstraints.VERSION,
                workspace.now().toString(), user, must, cannot), named);
    }
}
