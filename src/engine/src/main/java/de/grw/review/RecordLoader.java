package de.grw.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.workspace.GovernanceConfig;
import de.grw.profile.MatchProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads records for review, masking names and addresses under a blocking notice for viewers without the right. */
public final class RecordLoader {
    /** What a masked value shows. */
    public static final String MASK = "***";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordLoader() {
    }

    /**
     * @param viewer the user who will see the records, or {@code null} for internal use (never masked)
     */
    public static List<MemberRecord> load(Connection c, List<Long> ids, Session viewer, GovernanceConfig governance)
            throws SQLException {
        return load(c, ids, viewer, governance, null);
    }

    public static List<MemberRecord> load(Connection c, List<Long> ids, Session viewer, GovernanceConfig governance,
                                          MatchProfile profile) throws SQLException {
        List<MemberRecord> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        boolean mayViewBlocked = viewer == null || viewer.may(Permission.VIEW_BLOCKED);
        for (ReviewRepository.StoredRecord r : ReviewRepository.records(c, ids)) {
            try {
                List<String> values = Arrays.asList(JSON.readValue(r.valuesJson(), String[].class));
                List<String> columns = Arrays.asList(JSON.readValue(r.columnsJson(), String[].class));
                List<String> cells = Arrays.asList(JSON.readValue(r.cellsJson(), String[].class));
                boolean mask = r.blocked() && !mayViewBlocked;
                if (mask) {
                    values = maskValues(values, governance, profile);
                    cells = cells.stream().map(v -> v == null || v.isEmpty() ? v : MASK).toList();
                }
                out.add(new MemberRecord(r.id(), r.source(), r.recordKey(), r.importedAt(), values, columns, cells,
                        r.blocked(), mask));
            } catch (java.io.IOException e) {
                throw new SQLException("record " + r.id() + " has unreadable stored values", e);
            }
        }
        return out;
    }

    /**
     * Masks every record of a group shown together (a cluster, a golden record) as soon as one of them is masked:
     * shown side by side as one person, the unblocked records would reveal the name and address the blocking notice
     * protects.
     */
    public static List<MemberRecord> maskTogether(List<MemberRecord> records, GovernanceConfig governance,
                                                  MatchProfile profile) {
        if (records.stream().noneMatch(MemberRecord::masked)) {
            return records;
        }
        List<MemberRecord> out = new ArrayList<>();
        for (MemberRecord m : records) {
            if (m.masked()) {
                out.add(m);
            } else {
                out.add(new MemberRecord(m.id(), m.source(), m.recordKey(), m.importedAt(),
                        maskValues(m.values(), governance, profile), m.columns(),
                        m.cells().stream().map(v -> v == null || v.isEmpty() ? v : MASK).toList(), m.blocked(), true));
            }
        }
        return out;
    }

    private static List<String> maskValues(List<String> values, GovernanceConfig governance, MatchProfile profile) {
        List<String> out = new ArrayList<>(values);
        if (profile == null) {
            return out.stream().map(v -> v == null ? null : MASK).toList();
        }
        for (String field : governance.maskedFields()) {
            int index = profile.fieldIndex(field);
            if (index >= 0 && out.get(index) != null) {
                out.set(index, MASK);
            }
        }
        return out;
    }
}
