package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.matching.model.KeptCounts;
import de.grw.matching.model.PatternCounts;
import de.grw.store.Sql;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The kept comparison-pattern counts of a model estimation (table {@code kept_patterns}, schema 18, issue 15): what a
 * retraining needs instead of the records. A row is valid for the records it was counted over, named by their count,
 * highest id and sum of ids (records are only ever appended, never changed or deleted: the three name the set), and
 * for the profile (its SHA-256). Like the record snapshot it is derived: without a valid row a training reads the
 * records and keeps a new one.
 */
public final class KeptPatternsRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeptPatternsRepository() {
    }

    /**
     * The records a row was counted over.
     *
     * @param count  records
     * @param lastId highest record id (0 without records)
     * @param idSum  sum of the record ids
     */
    public record Records(long count, long lastId, long idSum) {
        /** Of sorted record ids as a run read them. */
        static Records of(long[] ids) {
            long sum = 0;
            for (long id : ids) {
                sum += id;
            }
            return new Records(ids.length, ids.length == 0 ? 0 : ids[ids.length - 1], sum);
        }
    }

    /**
     * A kept row found valid for today's records.
     *
     * @param records       the records it was counted over
     * @param recordsSha256 the SHA-256 of their ids ({@link WorkspaceMatcher#fingerprint})
     */
    public record Kept(long id, Long runId, KeptCounts counts, Records records, String recordsSha256) {
    }

    /**
     * The key of a profile: the SHA-256 of its canonical JSON. The profile's JSON as written by {@code
     * ProfileLoader.toJson} may order an object's keys differently from one JVM to the next, so its raw text would
     * find nothing kept by an earlier process.
     */
    public static String profileKey(String profileJson) {
        return de.grw.journal.CanonicalJson.sha256(de.grw.journal.CanonicalJson.write(
                de.grw.journal.CanonicalJson.parse(profileJson)));
    }

    /** The workspace's records as of now, in one aggregate read. */
    static Records current(Connection c) throws SQLException {
        return Sql.first(c, "SELECT count(*), coalesce(max(id), 0), coalesce(sum(id), 0) FROM records",
                rs -> new Records(rs.getLong(1), rs.getLong(2), rs.getLong(3))).orElseThrow();
    }

    /**
     * Keeps the counts of an estimation over {@code ids} (sorted) with the run ({@code null}: a training), for the
     * profile ({@link #profileKey}).
     */
    static void keep(Connection c, Long runId, String at, String profileJson, long[] ids, KeptCounts kept)
            throws SQLException {
        String profileSha256 = profileKey(profileJson);
        Records r = Records.of(ids);
        String u;
        try {
            u = JSON.writeValueAsString(kept.u());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Sql.update(c, "INSERT INTO kept_patterns(run_id, kept_at, profile_sha256, record_count, last_record_id, id_sum, "
                + "records_sha256, total_pairs, u_json, candidates, em_counts) VALUES (?,?,?,?,?,?,?,?,?,?,?)", runId,
                at, profileSha256, r.count(), r.lastId(), r.idSum(), WorkspaceMatcher.fingerprint(ids),
                kept.totalPairs(), u, encode(kept.candidates()), encode(kept.emCounts()));
        // only the newest row per profile is ever read: older ones are derived data nobody needs
        Sql.update(c, "DELETE FROM kept_patterns WHERE profile_sha256 = ? AND id < (SELECT max(id) FROM kept_patterns "
                + "WHERE profile_sha256 = ?)", profileSha256, profileSha256);
    }

    /** The newest row kept for the profile ({@link #profileKey}) over exactly today's records, if any. */
    static Optional<Kept> find(Connection c, String profileJson) throws SQLException {
        String profileSha256 = profileKey(profileJson);
        Records now = current(c);
        return Sql.first(c, "SELECT id, run_id, record_count, last_record_id, id_sum, records_sha256, total_pairs, "
                + "u_json, candidates, em_counts FROM kept_patterns WHERE profile_sha256 = ? AND record_count = ? "
                + "AND last_record_id = ? AND id_sum = ? ORDER BY id DESC", rs -> {
                    long run = rs.getLong(2);
                    Long runId = rs.wasNull() ? null : run;
                    Records r = new Records(rs.getLong(3), rs.getLong(4), rs.getLong(5));
                    double[][] u;
                    try {
                        u = JSON.readValue(rs.getString(8), double[][].class);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new SQLException("kept_patterns row " + rs.getLong(1) + ": unreadable u", e);
                    }
                    KeptCounts counts = new KeptCounts(decode(rs.getBytes(9)), decode(rs.getBytes(10)), u,
                            rs.getDouble(7), Math.toIntExact(r.count()));
                    return new Kept(rs.getLong(1), runId, counts, r, rs.getString(6));
                }, profileSha256, now.count(), now.lastId(), now.idSum());
    }

    static byte[] encode(PatternCounts counts) {
        ByteBuffer b = ByteBuffer.allocate(16 * counts.size());
        for (int i = 0; i < counts.size(); i++) {
            b.putLong(counts.patterns()[i]).putLong(counts.counts()[i]);
        }
        return b.array();
    }

    static PatternCounts decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int n = bytes.length / 16;
        long[] patterns = new long[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            patterns[i] = b.getLong();
            counts[i] = b.getLong();
        }
        return new PatternCounts(patterns, counts);
    }
}
