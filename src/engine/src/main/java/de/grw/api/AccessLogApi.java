package de.grw.api;

import java.util.List;

/** Who saw or exported which person's data, when, and for which case (needs the right to read the access log). */
public interface AccessLogApi {

    /**
     * Accesses, newest first.
     *
     * @param person a record id ({@code 12}), {@code source:record_key} or golden record id ({@code G-000001}), or
     *               {@code null} for everyone
     * @param user   only this user's accesses, or {@code null}
     * @param limit  at most this many; 0 for all
     */
    List<AccessEntry> query(String person, String user, int limit);
}
