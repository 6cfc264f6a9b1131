package de.grw.review;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.sql.SQLException;

/**
 * A decision on a candidate cluster as a command object: it can be applied and reverted, describes itself for
 * people, and serialises into the payload stored with the decision and sealed into the journal. Reverting never
 * deletes anything: it marks what the decision added as ended by the reverting decision.
 * <p>
 * A front end builds the command and hands it to {@code de.grw.api.ReviewApi#propose}; as JSON (a client's request
 * to a server) it carries its kind, {@code {"decision":"MERGE","members":[...],"choices":{...}}}. What is stored and
 * journalled is the {@link #payload()}, whose format this does not touch.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "decision")
@JsonSubTypes({@JsonSubTypes.Type(value = MergeCommand.class, name = "MERGE"),
    @JsonSubTypes.Type(value = NotDuplicateCommand.class, name = "NOT_DUPLICATE"),
    @JsonSubTypes.Type(value = SplitCommand.class, name = "SPLIT"),
    @JsonSubTypes.Type(value = DeferCommand.class, name = "DEFER")})
public sealed interface DecisionCommand permits MergeCommand, NotDuplicateCommand, SplitCommand, DeferCommand {

    DecisionKind kind();

    /** Whether a supervisor must approve before the decision takes effect (the four-eyes principle). */
    boolean needsApproval();

    /** The decision's content as stored and journalled. */
    DecisionPayload payload();

    /** One line for people, e.g. "merge records 12, 17 into one golden record". */
    String describe();

    /** Puts the decision into effect. */
    void apply(ReviewContext context, long decisionId) throws SQLException;

    /** Undoes the decision's effects, recording {@code revertId} as the reason. */
    void revert(ReviewContext context, long decisionId, long revertId) throws SQLException;

    /** Rebuilds a command from its stored kind and payload (JSON text). */
    static DecisionCommand fromPayload(DecisionKind kind, String payloadJson) {
        return DecisionPayload.read(kind, payloadJson).command();
    }
}
