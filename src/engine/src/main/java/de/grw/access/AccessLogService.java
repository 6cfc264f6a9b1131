package de.grw.access;

import de.grw.common.UserFacingException;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers "who saw which person's data when, and for which case" from the access log, for users with the right to
 * read it. A person is named by a record's database id, by {@code source:record_key}, or by a golden record id
 * ({@code G-000001}: its current records; for a golden record that has none any more, every record it ever held).
 */
public final class AccessLogService {
    private static final Pattern GOLDEN = Pattern.compile("G-\\d+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final Workspace workspace;

    public AccessLogService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param person a record id, {@code source:record_key} or golden record id, or {@code null} for everyone
     * @param user   only this user's accesses, or {@code null} for all users
     * @param limit  at most this many entries (newest first); 0 for all
     */
    public List<AccessLog.Entry> query(Session session, String person, String user, int limit) {
        session.require(Permission.READ_ACCESS_LOG, "read_the_access_log");
        return workspace.read(c -> {
            List<AccessLog.Entry> entries;
            if (person != null) {
                entries = AccessLog.byRecords(c, records(c, person.strip()));
                if (user != null) {
                    entries = entries.stream().filter(e -> e.user().equals(user)).toList();
                }
            } else if (user != null) {
                entries = AccessLog.byUser(c, user);
            } else {
                entries = AccessLog.all(c);
            }
            return limit > 0 && entries.size() > limit ? entries.subList(0, limit) : entries;
        });
    }

    /** The database ids of the records that stand for a person. */
    static List<Long> records(Connection c, String person) throws SQLException {
        if (GOLDEN.matcher(person).matches()) {
            List<Long> current = PersonRepository.currentMembersOfGolden(c, person);
            if (!current.isEmpty()) {
                return current;
            }
            List<Long> ever = PersonRepository.everMembersOfGolden(c, person);
            if (ever.isEmpty() && !PersonRepository.goldenExists(c, person)) {
                throw new UserFacingException(de.grw.common.Text.of("review.no_golden", person));
            }
            return ever;
        }
        if (DIGITS.matcher(person).matches()) {
            long id = Long.parseLong(person);
            if (!PersonRepository.recordExists(c, id)) {
                throw new UserFacingException(de.grw.common.Text.of("access.no_record", person));
            }
            return List.of(id);
        }
        int colon = person.indexOf(':');
        if (colon > 0) {
            List<Long> found = PersonRepository.recordsByKey(c, person.substring(0, colon),
                    person.substring(colon + 1));
            if (found.isEmpty()) {
                throw new UserFacingException(de.grw.common.Text.of("access.no_record_in",
                        person.substring(colon + 1), person.substring(0, colon)));
            }
            return found;
        }
        throw new UserFacingException(de.grw.common.Text.of("access.person_form", person));
    }
}
