package de.grw.matching.blocking;

import de.grw.matching.data.PreparedField;
import java.io.Serializable;

/**
 * Derives blocking-key values from a field's normalised values. Pure and registered by name in
 * {@link KeyTransforms}; a value may give several keys (each part of a double name) or none.
 */
public interface KeyTransform extends Serializable {
    String name();

    /**
     * Key values for every distinct value of the field, indexed by value id; an entry may be empty.
     *
     * @param length the transform's parameter (e.g. a prefix length), 0 if none
     */
    String[][] keys(PreparedField field, int length);
}
