package de.grw.api;

import de.grw.importing.ImportedSource;

/**
 * What an import stored.
 *
 * @param source   the source's name
 * @param sourceId the source's database id (for {@link ImportApi#problems})
 * @param sha256   the SHA-256 that guards against importing the same content twice
 * @param imported what was read: format, mapping, rows, records, rejected rows, unusable values, notes
 */
public record ImportResult(String source, long sourceId, String sha256, ImportedSource imported) {
}
