package de.grw.normalising;

import java.io.Serializable;

/**
 * Turns a field's original value into the form used for comparison. Implementations are pure, stateless and
 * serialisable, and are registered by name in {@link Normalisers} so that profiles and journals can name them.
 */
public interface Normaliser extends Serializable {
    /** The registered name. */
    String name();

    /** The normalised form, or {@code null} when the value carries nothing to compare. */
    String normalise(String original);
}
