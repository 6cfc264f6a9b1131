package de.grw.api;

import java.util.List;

/**
 * One logged display or export of records.
 *
 * @param id        the entry's number
 * @param at        when (ISO-8601, UTC)
 * @param user      who
 * @param action    {@code SHOW}, {@code EXPORT}, {@code EXPORT_BLOCKED}, ...
 * @param caseRef   the case reference given, or empty
 * @param detail    what was shown or exported
 * @param recordIds the records concerned
 */
public record AccessEntry(long id, String at, String user, String action, String caseRef, String detail,
                          List<Long> recordIds) {
    public AccessEntry {
        recordIds = List.copyOf(recordIds);
    }
}
