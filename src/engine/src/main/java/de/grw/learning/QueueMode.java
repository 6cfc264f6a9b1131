package de.grw.learning;

/** In which order the review offers its questions. */
public enum QueueMode {
    /** Most uncertain first: the pairs whose corrected probability is nearest to the threshold (today's order). */
    UNCERTAIN,
    /**
     * Most informative first: uncertainty and diversity, the answers that would teach the model most
     * ({@link ActiveLearning}).
     */
    ACTIVE_LEARNING;

    /** The code in the journal and the queue ({@code uncertain}, {@code active-learning}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
