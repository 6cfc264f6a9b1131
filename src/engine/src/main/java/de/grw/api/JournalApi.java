package de.grw.api;

import de.grw.journal.JournalEntry;
import de.grw.journal.JournalVerifier;
import java.util.List;

/** The append-only journal of every change: reading it filtered, and verifying its hash chain. */
public interface JournalApi {

    /**
     * Entries matching all given filters (each {@code null} or blank for none), in journal order.
     *
     * @param user   only entries by this user
     * @param from   only entries at or after this ISO time or date prefix (e.g. {@code 2026-11-27})
     * @param to     only entries up to the end of this ISO date
     * @param person only entries that mention this record id or golden record id
     */
    List<JournalEntry> entries(String user, String from, String to, String person);

    /** Checks the workspace's integrity and the journal's whole hash chain. */
    JournalVerifier.Result verify();

    /** The longest a call of {@link #changes} waits for a change. */
    int MAX_WAIT_SECONDS = 25;

    /**
     * What changed after journal number {@code after}; waits up to {@code waitSeconds} (at most
     * {@link #MAX_WAIT_SECONDS}) for a change when there is none yet, then answers with none.
     */
    Changes changes(long after, int waitSeconds);
}
