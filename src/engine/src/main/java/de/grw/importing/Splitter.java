package de.grw.importing;

import java.io.Serializable;

/**
 * Takes a combined cell apart into the fields of a composite, in the order of the composite's targets.
 * Implementations are pure and registered by name in {@link Splitters}.
 */
public interface Splitter extends Serializable {
    String name();

    /** One value per target field (as many as {@code targetCount}); {@code null} for a part that is absent. */
    String[] split(String cell, int targetCount);

    /**
     * Whether a value that arrived in the composite's first field (e.g. a street column holding
     * {@code "Hauptstr. 12"}) is evidently combined and should be split when the other fields are empty.
     */
    default boolean evidentlyCombined(String cell) {
        return false;
    }
}
