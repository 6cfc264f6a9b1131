package de.grw.api;

import java.util.List;

/**
 * What changed in a workspace after a journal number: for front ends that refresh their queue and the open cluster
 * when someone else decides (the journal's number is the feed's position). No personal data: who did what, when,
 * and on which cluster.
 *
 * @param latest  the journal's last number now; ask again with it as {@code after}
 * @param changes the changes after the number asked for, in journal order (at most a page; more when
 *                {@code latest} is beyond the last)
 */
public record Changes(long latest, List<Change> changes) {
    public Changes {
        changes = List.copyOf(changes);
    }

    /**
     * One change.
     *
     * @param seq       its journal number
     * @param at        when (ISO-8601, UTC)
     * @param user      who
     * @param action    what kind of change (a journal action, e.g. {@code decision.proposed})
     * @param clusterId the cluster it concerns, or {@code null}
     */
    public record Change(long seq, String at, String user, String action, Long clusterId) {
    }
}
