package de.grw.linking;

import java.util.List;
import java.util.Map;

/** What real-time linking answers: immutable values that travel as JSON unchanged. */
public final class LinkViews {
    private LinkViews() {
    }

    /**
     * The answer to a link or a search.
     *
     * @param suggestion      {@code link} (exactly one person is certain enough: {@link #candidates} first),
     *                        {@code review} (candidates, none certain: a clerk decides), {@code new} (none)
     * @param threshold       the probability from which a candidate is shown (the profile's threshold)
     * @param linkProbability the probability from which linking is suggested
     * @param modelVersion    the version of the workspace's active model that scored
     * @param compared        how many stored records blocking compared the record with
     * @param candidates      the persons at or above the threshold, most probable first
     * @param storedRecord    the database id of the record when it was stored, else {@code null}
     * @param queuedCluster   the cluster the stored record entered the review queue with, else {@code null}
     */
    public record LinkAnswer(String suggestion, double threshold, double linkProbability, int modelVersion,
                             int compared, List<LinkedPerson> candidates, Long storedRecord, Long queuedCluster) {
        public LinkAnswer {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * One candidate person: a golden record with the records of it that scored, or a single record of none.
     *
     * @param golden      the golden record's id, or {@code null}
     * @param record      the record's database id when it is no golden record's, else {@code null}
     * @param probability the highest probability of its records
     * @param action      {@code link} or {@code review}
     * @param values      the golden record's values (else the record's) by field; masked values read {@code ***}
     * @param masked      whether values are masked (a blocking notice the caller may not see through)
     * @param records     the records that scored, most probable first
     */
    public record LinkedPerson(String golden, Long record, double probability, String action,
                               Map<String, String> values, boolean masked, List<LinkedRecord> records) {
        public LinkedPerson {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            records = List.copyOf(records);
        }
    }

    /**
     * One record that scored, with why.
     *
     * @param record      database id
     * @param source      its source's name
     * @param recordKey   its key in the source
     * @param probability the pair's match probability
     * @param weight      the pair's match weight (bits)
     * @param explanation each comparison's line
     */
    public record LinkedRecord(long record, String source, String recordKey, double probability, double weight,
                               List<ExplanationLine> explanation) {
        public LinkedRecord {
            explanation = List.copyOf(explanation);
        }
    }

    /**
     * One line of an explanation: codes for programs, words for people (as the review shows them).
     *
     * @param comparison the comparison ({@code given_names}, ... or {@code contradiction})
     * @param level      the level reached ({@code exact}, {@code one_typo}, ...)
     * @param versus     what the pair is weighed against ({@code others}, {@code household}, ...)
     * @param weight     the line's weight in bits
     * @param text       the line in the clerk's words, with its weight
     */
    public record ExplanationLine(String comparison, String level, String versus, double weight, String text) {
    }

    /**
     * Where the link index stands: none built (not asked for yet, or the workspace cannot link yet: no model),
     * being built, or ready to answer (a newer one may be under way in the background while it answers).
     */
    public enum IndexStatus {
        NONE, BUILDING, READY
    }
}
