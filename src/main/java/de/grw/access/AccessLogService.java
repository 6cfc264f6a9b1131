package de.grw.access;

import de.grw.common.UserFacingException;
import de.grw.users.Permission;
import de.grw.users.Session;
import de.grw.workspace.Workspace;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Queries of the access log by person (a record or a golden record) and by user, with the rights checked. */
public final class AccessLogService {
    private final Workspace workspace;

    public AccessLogService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param person a record's database id, a golden record id ({@code G-000001}) or {@code null} for everyone
     * @param user   a user name or {@code null} for all users
     */
    public List<AccessLog.Entry> query(Session session, String person, String user) {
        session.require(Permission.READ_ACCESS_LOG, "read the access log");
        return workspace.read(c -> {
            List<AccessLog.Entry> entries;
            if (person != null && !person.isBlank()) {
                entries = AccessLog.byRecords(c, records(c, person.trim()));
            } else if (user != null && !user.isBlank()) {
                entries = AccessLog.byUser(c, user.trim());
            } else {
                entries = AccessLog.all(c);
            }
            if (user != null && !user.isBlank()) {
                entries = entries.stream().filter(e -> e.user().equalsIgnoreCase(user.trim())).toList();
            }
            return entries;
        });
    }

    private static List<Long> records(java.sql.Connection c, String person) throws java.sql.SQLException {
        List<Long> ids = new ArrayList<>();
        if (person.toUpperCase(java.util.Locale.ROOT).startsWith("G-")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT record_id FROM golden_members WHERE "
                    + "golden_id = ?")) {
                ps.setString(1, person.toUpperCase(java.util.Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                throw new UserFacingException("there is no golden record " + person);
            }
            return ids;
        }
        try {
            ids.add(Long.parseLong(person));
        } catch (NumberFormatException e) {
            throw new UserFacingException("a person is a record number or a golden record id (G-000001), not '"
                    + person + "'");
        }
        return ids;
    }
}
