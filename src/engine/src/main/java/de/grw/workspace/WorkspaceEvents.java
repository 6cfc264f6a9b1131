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

    /**
     * A match run stored ({@code match.run}). Runs since schema 5 also say how they ran ({@code kind}: {@code
     * estimated}, {@code full} with the active model, or {@code incremental}), the model version that scored them
     * and how many records were new; earlier entries have none of these. A Spark job's proposal bundle loaded for
     * review ({@link ProposalImporter}) is a run of kind {@code imported} with the SHA-256 of the bundle's manifest
     * ({@code bundle_sha256}, which holds every file's) and no model version.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchRun(long run, long records, @JsonProperty("candidate_pairs") long candidatePairs,
                           double threshold, long clusters, @JsonProperty("new_clusters") long newClusters,
                           @JsonProperty("unchanged_clusters") long unchangedClusters,
                           @JsonProperty("superseded_clusters") long supersededClusters, String kind,
                           @JsonProperty("model_version") Integer modelVersion,
                           @JsonProperty("new_records") Integer newRecords,
                           @JsonProperty("bundle_sha256") String bundleSha256) {
        /** A run of the workspace's own (no bundle). */
        public MatchRun(long run, long records, long candidatePairs, double threshold, long clusters, long newClusters,
                        long unchangedClusters, long supersededClusters, String kind, Integer modelVersion,
                        Integer newRecords) {
            this(run, records, candidatePairs, threshold, clusters, newClusters, unchangedClusters,
                    supersededClusters, kind, modelVersion, newRecords, null);
        }

        public MatchRun(long run, long records, long candidatePairs, double threshold, long clusters, long newClusters,
                        long unchangedClusters, long supersededClusters) {
            this(run, records, candidatePairs, threshold, clusters, newClusters, unchangedClusters,
                    supersededClusters, null, null, null, null);
        }
    }

    /**
     * The model was estimated and becomes the active one ({@code model.estimated}): its version, the run that
     * estimated it, over how many records, why ({@code first}: no model yet, {@code reestimate}: asked for, {@code
     * profile_changed}: the workspace's profile no longer fits the active model), EM iterations and convergence.
     */
    public record ModelEstimated(int version, long run, long records, String reason, int iterations,
                                 boolean converged) {
    }

    /**
     * A feed appended to an existing source ({@code source.appended}): the file, its SHA-256, the records appended,
     * the rows skipped because their key is in the source already, rejected rows and unusable values.
     */
    public record SourceAppended(String source, long feed, String file, String sha256, long records,
                                 @JsonProperty("keys_present") long keysPresent,
                                 @JsonProperty("rows_rejected") long rowsRejected,
                                 @JsonProperty("values_not_usable") long valuesNotUsable) {
    }

    /**
     * A model version trained ({@code model.estimated}, since schema 15 with this payload): its version, the run that
     * trained it ({@code null} when trained outside a run), the records, why ({@code first}, {@code
     * profile_changed}, {@code reestimate}, {@code train}), EM iterations and convergence, how it was trained, the
     * SHA-256 of its stored parameters, its inputs (decisions used, data, settings) and its estimated quality, and
     * whether it became active at once (only the first model of a workspace or of a changed profile does).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelTrained(int version, Long run, long records, String reason, int iterations, boolean converged,
                               String method, @JsonProperty("model_sha256") String modelSha256,
                               java.util.Map<String, Object> inputs, java.util.Map<String, Object> quality,
                               boolean active) {
    }

    /**
     * A model version made the active one ({@code model.activated}, {@code model.reverted}): the version, the one
     * active before ({@code null} for the first), how ({@code initial}, {@code activate}, {@code revert}), who trained
     * it (four eyes: never the one who activates, but for {@code initial}), and the supervisor's comment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelActivated(int version, Integer previous, String kind, @JsonProperty("trained_by") String trainedBy,
                                 String comment) {
    }

    /**
     * The decisions exported as constraints for a match run elsewhere ({@code constraints.exported}, issue 17): the
     * case reference, the must-link groups and their records, the cannot-links, the distinct records the file names,
     * and where it went: {@code via} {@code file} with the file written ({@code file}, absolute), or {@code server}
     * with the address of the client that fetched it ({@code client}); {@code for} what the caller said the file is
     * for (the Spark job names its bundle), when it said so.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConstraintsExported(@JsonProperty("case") String caseRef,
                                      @JsonProperty("must_link_groups") int mustLinkGroups,
                                      @JsonProperty("must_link_records") int mustLinkRecords,
                                      @JsonProperty("cannot_links") int cannotLinks, int records, String via,
                                      String file, String client, @JsonProperty("for") String purpose) {
    }
}
