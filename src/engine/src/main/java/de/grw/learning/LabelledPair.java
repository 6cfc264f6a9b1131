package de.grw.learning;

/**
 * A record pair a clerk's decision answered: the same person ({@code match}) or not.
 *
 * @param leftRecordId  the lower record id (database id of the workspace's records)
 * @param rightRecordId the higher record id
 * @param match         whether the decision says the two are one person
 * @param decisionId    the decision that gave the label (the latest in effect for this pair)
 */
public record LabelledPair(long leftRecordId, long rightRecordId, boolean match, long decisionId) {
    public LabelledPair {
        if (leftRecordId == rightRecordId) {
            throw new IllegalArgumentException("a pair of record " + leftRecordId + " with itself");
        }
        if (leftRecordId > rightRecordId) {
            long t = leftRecordId;
            leftRecordId = rightRecordId;
            rightRecordId = t;
        }
    }

    /** The pair as one key: lower id in the high half, higher id in the low half (ids below 2^31). */
    public long key() {
        return (leftRecordId << 32) | rightRecordId;
    }
}
