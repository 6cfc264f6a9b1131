package de.grw.review;

import java.sql.SQLException;
import java.util.Map;

/**
 * A decision on a candidate cluster as a command object: it can be applied and reverted, describes itself for
 * people, and serialises into the payload stored with the decision and sealed into the journal. Reverting never
 * deletes anything: it marks what the decision added as ended by the reverting decision.
 */
public sealed interface DecisionCommand permits MergeCommand, NotDuplicateCommand, SplitCommand, DeferCommand {

    DecisionKind kind();

    /** Whether a supervisor must approve before the decision takes effect (the four-eyes principle). */
    boolean needsApproval();

    /** The decision's content as JSON-compatible values. */
    Map<String, Object> payload();

    /** One line for people, e.g. "merge records 12, 17 into one golden record". */
    String describe();

    /** Puts the decision into effect. */
    void apply(ReviewContext context, long decisionId) throws SQLException;

    /** Undoes the decision's effects, recording {@code revertId} as the reason. */
    void revert(ReviewContext context, long decisionId, long revertId) throws SQLException;

    /** Rebuilds a command from its stored kind and payload. */
    static DecisionCommand fromPayload(DecisionKind kind, com.fasterxml.jackson.databind.JsonNode payload) {
        switch (kind) {
            case MERGE:
                return MergeCommand.fromPayload(payload);
            case NOT_DUPLICATE:
                return NotDuplicateCommand.fromPayload(payload);
            case SPLIT:
                return SplitCommand.fromPayload(payload);
            case DEFER:
                return new DeferCommand();
            default:
                throw new IllegalArgumentException("no command for " + kind);
        }
    }
}
