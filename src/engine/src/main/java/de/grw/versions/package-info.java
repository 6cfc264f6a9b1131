/**
 * Accountable model versions (issue 15): every trained model is a version with its inputs (which decisions, which
 * data, which settings), its parameters and its estimated quality, in the store and the journal; a supervisor other
 * than the one who trained it activates it (four eyes, enforced here, not only in the front ends), and a supervisor
 * can go back to a version that was active before. {@link de.grw.versions.ModelVersionCheck} compares the store's
 * versions and activations with the journal, for {@code verify}.
 */
package de.grw.versions;
