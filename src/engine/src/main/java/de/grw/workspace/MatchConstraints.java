package de.grw.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.grw.common.UserFacingException;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.data.RecordTable;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace's clerk decisions as constraints for a match run elsewhere (the Spark job, issue 17): the must-links
 * (the records of each active golden record, i.e. approved merges: they stay together whatever the pairs say) and
 * the cannot-links (active "not a duplicate" and split decisions: the two records never end in one cluster). These
 * are exactly what {@link WorkspaceMatcher} hands the engine's clustering. Records are named by source name and
 * record id (the key the import gave them), as the job's inputs name them, since record numbers of a workspace mean
 * nothing outside it.
 * <p>
 * File format ({@code grw-constraints}, version 1), one JSON object:
 * <pre>
 * {"format": "grw-constraints", "version": 1, "exportedAt": "2026-12-06T23:50:00Z", "exportedBy": "anna",
 *  "mustLink":   [[{"source": "melde", "id": "17"}, {"source": "sozial", "id": "A-9"}], ...],
 *  "cannotLink": [[{"source": "melde", "id": "17"}, {"source": "melde", "id": "18"}], ...]}
 * </pre>
 * Each must-link entry is a group of two or more records, each cannot-link entry exactly two.
 */
public record MatchConstraints(String format, int version, String exportedAt, String exportedBy,
                               List<List<Ref>> mustLink, List<List<Ref>> cannotLink) {
    public static final String FORMAT = "grw-constraints";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public MatchConstraints {
        mustLink = mustLink == null ? List.of() : List.copyOf(mustLink);
        cannotLink = cannotLink == null ? List.of() : List.copyOf(cannotLink);
    }

    /** A record by source name and record id. */
    public record Ref(String source, String id) implements Serializable {
    }

    /**
     * The constraints bound to the records of a run: must-link groups and cannot-link pairs as record indexes of
     * the table; records the table does not hold are left out (as a workspace run leaves out ids it no longer has)
     * and counted.
     *
     * @param mustLink   groups of record indexes (each of at least two records), ascending within a group
     * @param cannotLink packed record index pairs ({@link CandidatePairs#pack}), ascending
     * @param unresolved references to records the table does not hold
     */
    public record Bound(int[][] mustLink, long[] cannotLink, int unresolved) implements Serializable {
        public static final Bound NONE = new Bound(new int[0][], new long[0], 0);

        /** The cannot-links as the clustering asks them (record indexes of the run). */
        public PairConstraint apart() {
            long[] pairs = cannotLink;
            return pairs.length == 0 ? PairConstraint.NONE
                    : (a, b) -> Arrays.binarySearch(pairs, CandidatePairs.pack(a, b)) >= 0;
        }
    }

    /** Binds the references to the table's records (by source name and record id). */
    public Bound bind(RecordTable table) {
        Map<Ref, Integer> index = new HashMap<>(table.size() * 2);
        for (int i = 0; i < table.size(); i++) {
            index.put(new Ref(table.sourceName(i), table.recordId(i)), i);
        }
        int unresolved = 0;
        List<int[]> groups = new ArrayList<>();
        for (List<Ref> group : mustLink) {
            int[] members = new int[group.size()];
            int k = 0;
            for (Ref r : group) {
                Integer i = index.get(r);
                if (i == null) {
                    unresolved++;
                } else {
                    members[k++] = i;
                }
            }
            members = Arrays.stream(members, 0, k).sorted().distinct().toArray();
            if (members.length > 1) {
                groups.add(members);
            }
        }
        long[] pairs = new long[cannotLink.size()];
        int k = 0;
        for (List<Ref> pair : cannotLink) {
            Integer a = index.get(pair.get(0));
            Integer b = index.get(pair.get(1));
            unresolved += (a == null ? 1 : 0) + (b == null ? 1 : 0);
            if (a != null && b != null && !a.equals(b)) {
                pairs[k++] = CandidatePairs.pack(a, b);
            }
        }
        pairs = Arrays.stream(pairs, 0, k).sorted().distinct().toArray();
        return new Bound(groups.toArray(new int[0][]), pairs, unresolved);
    }

    /** Writes the file atomically (a temporary file beside it, renamed). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a constraints file.
     *
     * @throws UserFacingException naming the file, the line and the problem
     */
    public static MatchConstraints read(Path file) {
        MatchConstraints c;
        try {
            c = JSON.readValue(file.toFile(), MatchConstraints.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UserFacingException(file + (at == null ? "" : ": line " + at.getLineNr()) + ": not a "
                    + "constraints file (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(c.format()) || c.version() != VERSION) {
            throw new UserFacingException(file + ": format '" + c.format() + "' version " + c.version()
                    + ", expected " + FORMAT + " version " + VERSION);
        }
        check(file, c.mustLink(), "mustLink", 2, Integer.MAX_VALUE);
        check(file, c.cannotLink(), "cannotLink", 2, 2);
        return c;
    }

    private static void check(Path file, List<List<Ref>> entries, String name, int min, int max) {
        for (int i = 0; i < entries.size(); i++) {
            List<Ref> e = entries.get(i);
            if (e == null || e.size() < min || e.size() > max
                    || e.stream().anyMatch(r -> r == null || r.source() == null || r.id() == null)) {
                throw new UserFacingException(file + ": " + name + " entry " + (i + 1) + ": needs "
                        + (min == max ? "exactly " + min : "at least " + min) + " records, each with source and id");
            }
        }
    }
}
