package de.grw.review;

/** The decisions a clerk can take on a candidate cluster, and the revert of a decision. */
public enum DecisionKind {
    MERGE(DecisionPayload.Merge.class),
    NOT_DUPLICATE(DecisionPayload.NotDuplicate.class),
    SPLIT(DecisionPayload.Split.class),
    DEFER(DecisionPayload.Defer.class),
    REVERT(DecisionPayload.Revert.class);

    private final Class<? extends DecisionPayload> payloadType;

    DecisionKind(Class<? extends DecisionPayload> payloadType) {
        this.payloadType = payloadType;
    }

    /** The record its stored content reads into. */
    public Class<? extends DecisionPayload> payloadType() {
        return payloadType;
    }
}
