package de.grw.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The journal payloads of the review's actions, as Jackson records. Their canonical JSON is sealed into the hash
 * chain: the property names are part of the journal format and never change.
 */
public final class DecisionEvents {
    private DecisionEvents() {
    }

    /**
     * A decision recorded ({@code decision.proposed} for a merge awaiting approval, {@code decision.taken} for one
     * in effect at once).
     */
    public record Recorded(long decision, long cluster, DecisionKind kind, DecisionPayload content, String comment,
                           @JsonProperty("case") String caseRef) {
        public Recorded {
            comment = comment == null ? "" : comment;
            caseRef = caseRef == null ? "" : caseRef;
        }
    }

    /** A merge approved ({@code decision.approved}); {@code golden_record} is null if the merge made none. */
    public record Approved(long decision, long cluster, @JsonProperty("golden_record") String goldenRecord,
                           String comment) {
        public Approved {
            comment = comment == null ? "" : comment;
        }
    }

    /** A merge rejected ({@code decision.rejected}). */
    public record Rejected(long decision, long cluster, String comment) {
        public Rejected {
            comment = comment == null ? "" : comment;
        }
    }

    /** A decision reverted ({@code decision.reverted}): {@code decision} is the revert, {@code reverts} the one undone. */
    public record Reverted(long decision, long reverts, long cluster, String comment,
                           @JsonProperty("case") String caseRef) {
        public Reverted {
            comment = comment == null ? "" : comment;
            caseRef = caseRef == null ? "" : caseRef;
        }
    }
}
