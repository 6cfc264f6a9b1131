package de.grw.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The journal payloads of setting up, importing into and matching a workspace, as Jackson records (their JSON is
 * part of the journal format).
 */
public final class WorkspaceEvents {
    private WorkspaceEvents() {
    }

    /** A workspace created ({@code workspace.created}). */
    public record Created(String profile, int schema) {
    }

    /**
     * A source imported ({@code source.imported}): from a file ({@code file}) or a database ({@code database} and
     * {@code table} or {@code query}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceImported(String source, String file, String database, String table, String query,
                                 String sha256, long records, @JsonProperty("rows_rejected") long rowsRejected,
                                 @JsonProperty("values_not_usable") long valuesNotUsable) {
    }

    /** A match run stored ({@code match.run}). */
    public record MatchRun(long run, long records, @JsonProperty("candidate_pairs") long candidatePairs,
                           double threshold, long clusters, @JsonProperty("new_clusters") long newClusters,
                           @JsonProperty("unchanged_clusters") long unchangedClusters,
                           @JsonProperty("superseded_clusters") long supersededClusters) {
    }
}
