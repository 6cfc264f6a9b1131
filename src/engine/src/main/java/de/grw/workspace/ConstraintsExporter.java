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
 * the access log ({@value #ACCESS_ACTION}, with the records it names) and is an entry of the journal
 * ({@code constraints.exported}, hash-chained as every entry: the counts, the case reference and where the file
 * went, {@link WorkspaceEvents.ConstraintsExported}), both in the transaction that reads the decisions, before the
 * file is written, under the case reference the export is made for (required); so alike on a workspace file and
 * through the server. A refused export (no right, no case reference, a bad purpose) writes neither.
 */
public final class ConstraintsExporter {
    private static final Logger LOG = LoggerFactory.getLogger(ConstraintsExporter.class);
    /** The access log's action of an export of constraints. */
    public static final String ACCESS_ACTION = "EXPORT_CONSTRAINTS";
    private final Workspace workspace;

    public ConstraintsExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The longest {@link Target#purpose()} accepted. */
    public static final int MAX_PURPOSE = 300;

    /** What was written. */
    public record Summary(int mustLinkGroups, int mustLinkRecords, int cannotLinks) {
    }

    /**
     * Where the export goes, for the journal.
     *
     * @param client  the address of the client a server hands the file to; {@code null}: the file is the target
     *                (an export on the workspace's machine, recorded with its absolute path)
     * @param purpose what the caller says the file is for (the Spark job names its bundle), or {@code null}; at most
     *                {@value #MAX_PURPOSE} characters, no control characters
     */
    public record Target(String client, String purpose) {
        /** An export to the file named, for no stated purpose. */
        public static final Target FILE = new Target(null, null);
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
        return export(session, out, caseRef, Target.FILE);
    }

    /**
     * As {@link #export(Session, Path, String)}, with where the file goes as the journal records it.
     *
     * @throws UserFacingException also for a purpose longer than {@value #MAX_PURPOSE} characters or with control
     *                             characters
     */
    public Summary export(Session session, Path out, String caseRef, Target target) {
        session.require(Permission.MATCH, "export_constraints");
        String reference = CaseReference.check(caseRef);
        if (reference.isEmpty()) {
            throw new UserFacingException(Text.of("constraints.needs_case"));
        }
        Target to = target == null ? Target.FILE : target;
        String purpose = purpose(to.purpose());
        MatchConstraints constraints = workspace.write(c -> {
            Logged logged = constraints(c, session.user());
            Summary counted = summary(logged.constraints());
            AccessLog.record(c, workspace.now(), session.user(), ACCESS_ACTION, reference, "export of the "
                    + "constraints for a match run elsewhere: " + counted.mustLinkGroups() + " must-link groups ("
                    + counted.mustLinkRecords() + " records), " + counted.cannotLinks() + " cannot-links",
                    logged.recordIds());
            boolean served = to.client() != null;
            de.grw.journal.Journal.append(c, workspace.now(), session.user(),
                    de.grw.journal.JournalAction.CONSTRAINTS_EXPORTED, new WorkspaceEvents.ConstraintsExported(
                            reference, counted.mustLinkGroups(), counted.mustLinkRecords(), counted.cannotLinks(),
                            logged.recordIds().size(), served ? "server" : "file",
                            served ? null : out.toAbsolutePath().normalize().toString(),
                            served ? to.client() : null, purpose));
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

    /** The purpose as recorded: stripped, {@code null} when none was given. */
    static String purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        String s = purpose.strip();
        if (s.length() > MAX_PURPOSE) {
            throw new UserFacingException(Text.of("constraints.purpose_too_long", MAX_PURPOSE));
        }
        if (s.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw new UserFacingException(Text.of("constraints.purpose_control",
                    s.replaceAll("\\p{Cc}|\\p{Cf}", "?")));
        }
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
