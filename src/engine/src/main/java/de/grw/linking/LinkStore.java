package de.grw.linking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.importing.SourceRecord;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.model.Contribution;
import de.grw.normalising.Normaliser;
import de.grw.profile.MatchProfile;
import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import de.grw.workspace.SourceRepository;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stores a linked record as a new record of an existing source, in the transaction that answers the link: the record
 * is normalised and written exactly as an import or an appended feed writes a row ({@link WorkspaceImporter#store}),
 * its cells laid out in the source's columns by the source's mapping. When it is not certain to be new (suggestion
 * {@code link} or {@code review}), it enters the review queue as an open cluster with its candidates (every record of
 * a candidate golden record, or the candidate single record) and the scored pairs the link found; nothing is merged:
 * a clerk decides and a supervisor approves, as for every cluster. A new person ({@code new}) is stored as a single
 * record. Journalled as {@code source.record_stored} (source, record id, suggestion, cluster, candidates, case; no
 * personal values). The link index learns the record through the journal ({@link LinkService} adds it to the
 * index, {@link LinkIndex#add}).
 */
final class LinkStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A mapping target of a date part column ({@code birth_date (year)}), as {@code ColumnTarget} describes it. */
    private static final java.util.regex.Pattern DATE_PART = java.util.regex.Pattern.compile(
            "(.+) \\((year|month|day)\\)");

    private LinkStore() {
    }

    /**
     * What was stored.
     *
     * @param recordId  the new record's database id
     * @param recordKey its key in the source (the request's record id field, else {@code link-} and a random id)
     * @param clusterId the cluster it entered the queue with, or {@code null} for a new person
     */
    record Stored(long recordId, String recordKey, Long clusterId) {
    }

    static Stored store(Connection c, Instant now, String user, MatchProfile profile, GovernanceConfig governance,
                        String sourceName, Map<String, String> request, String[] canonical, LinkIndex.Result result,
                        String caseRef) throws SQLException {
        String name = sourceName.strip();
        java.util.Optional<LinkRepository.Source> found = LinkRepository.source(c, name);
        if (found.isEmpty()) {
            throw new UserFacingException(Text.of("link.store_no_source", name,
                    String.join(", ", SourceRepository.names(c))));
        }
        LinkRepository.Source source = found.get();
        long runId = ClusterRepository.lastRun(c);
        if (runId <= 0) {
            throw new UserFacingException(Text.of("link.store_no_run"));
        }
        int idField = profile.idField().map(f -> profile.fieldIndex(f.name())).orElse(-1);
        String key = idField >= 0 && canonical[idField] != null ? canonical[idField].strip() : null;
        if (key != null && LinkRepository.hasKey(c, source.id(), key)) {
            throw new UserFacingException(Text.of("link.store_key_present", name, key));
        }
        if (key == null || key.isEmpty()) {
            key = "link-" + java.util.UUID.randomUUID();
        }
        String[] cells = cells(source, request, canonical, profile);
        SourceRecord record = new SourceRecord(name, key, 0, 0, cells, canonical); // row and line 0: from no file
        Normaliser[] normalisers = WorkspaceImporter.normalisers(profile);
        int blockedField = profile.fieldIndex(governance.blockingNoticeField());
        try (SourceRepository.RecordWriter writer = new SourceRepository.RecordWriter(c, 1)) {
            WorkspaceImporter.store(writer, source.id(), record, normalisers, blockedField);
            writer.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (SQLException e) {
            if (duplicateKey(e)) { // another caller stored the same key since the check (PostgreSQL, read committed)
                throw new UserFacingException(Text.of("link.store_key_present", name, key));
            }
            throw e;
        }
        long recordId = LinkRepository.recordId(c, source.id(), key);
        Long clusterId = null;
        List<String> candidates = new ArrayList<>();
        if (result.suggestion() != LinkIndex.Action.NEW && !result.groups().isEmpty()) {
            TreeSet<Long> members = new TreeSet<>();
            members.add(recordId);
            List<ClusterRepository.Pair> pairs = new ArrayList<>();
            double min = 1;
            double max = 0;
            for (LinkIndex.Group group : result.groups()) {
                candidates.add(group.key());
                if (group.golden() != null) {
                    members.addAll(LinkRepository.goldenMembers(c, group.golden()));
                }
                for (LinkIndex.Candidate cand : group.records()) {
                    members.add(cand.recordId());
                    pairs.add(new ClusterRepository.Pair(cand.recordId(), recordId, cand.probability(),
                            cand.weight(), explanationJson(cand)));
                    min = Math.min(min, cand.probability());
                    max = Math.max(max, cand.probability());
                }
            }
            long[] ids = members.stream().mapToLong(Long::longValue).toArray();
            String fingerprint = WorkspaceMatcher.fingerprint(ids);
            clusterId = ClusterRepository.insert(c, fingerprint, runId, ClusterStatus.OPEN, ids.length, min, max);
            ClusterRepository.insertMembers(c, clusterId, ids);
            ClusterRepository.insertPairs(c, clusterId, pairs);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("source", name);
        event.put("record", recordId);
        event.put("suggestion", result.suggestion().code());
        if (clusterId != null) {
            event.put("cluster", clusterId);
        }
        event.put("candidates", candidates);
        event.put("case", caseRef);
        Journal.append(c, now, user, JournalAction.SOURCE_RECORD_STORED, event);
        return new Stored(recordId, key, clusterId);
    }

    /**
     * The record's cells in the source's columns: a column mapped to a field holds the value the request sent for it
     * (the first such column of a field; a date part column that part of the read date), every other column is empty.
     */
    private static String[] cells(LinkRepository.Source source, Map<String, String> request, String[] canonical,
                                  MatchProfile profile) {
        Map<String, String> byField = new LinkedHashMap<>();
        request.forEach((k, v) -> byField.put(k == null ? "" : k.strip(), v == null ? "" : v.strip()));
        List<String> columns = source.columns();
        String[] cells = new String[columns.size()];
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String target = source.mapping().getOrDefault(columns.get(i), "");
            String cell = "";
            java.util.regex.Matcher part = DATE_PART.matcher(target);
            if (byField.containsKey(target) && used.add(target)) {
                cell = byField.get(target);
            } else if (part.matches() && profile.fieldIndex(part.group(1)) >= 0) {
                String iso = canonical[profile.fieldIndex(part.group(1))];
                if (iso != null && iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    cell = switch (part.group(2)) {
                        case "year" -> iso.substring(0, 4);
                        case "month" -> iso.substring(5, 7);
                        default -> iso.substring(8, 10);
                    };
                }
            }
            cells[i] = cell;
        }
        return cells;
    }

    /** Whether a write failed on the unique key of a source's records (PostgreSQL 23505, SQLite's UNIQUE). */
    private static boolean duplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState()) || String.valueOf(x.getMessage()).contains("UNIQUE constraint failed")) {
                return true;
            }
        }
        return false;
    }

        /** The pair's explanation as a match run stores it: the prior, then each comparison's level and weight. */
    private static String explanationJson(LinkIndex.Candidate cand) {
        double sum = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Contribution contribution : cand.explanation()) {
            if (de.grw.review.ExplanationText.isContradiction(contribution.comparison())) {
                continue;
            }
            sum += contribution.weight();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("comparison", contribution.comparison());
            line.put("level", contribution.level());
            line.put("weight", round(contribution.weight()));
            line.put("tf", contribution.tfAdjusted());
            if (!Contribution.OTHERS.equals(contribution.versus())) {
                line.put("versus", contribution.versus());
            }
            lines.add(line);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prior", round(cand.weight() - sum));
        json.put("comparisons", lines);
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
