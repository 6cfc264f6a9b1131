package de.grw.api;

import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.review.ReviewViews.GoldenView;
import java.util.Map;

/**
 * Real-time linking for other applications (an account with the role {@code API}, or {@code API_STORE} to store
 * linked records too; clerks and supervisors may use it as well): every call needs a case reference, and every answer is masked and logged in the access log as a display in
 * the desktop is. Scores with the workspace's active model (kept until it is deliberately re-estimated). Every method
 * reads the workspace: not on the FX thread.
 */
public interface LinkApi {

    /**
     * The candidate persons for an incoming record: golden records (or single records of none) with probability,
     * explanation and a suggested action ({@code link}, {@code review}, {@code new}).
     *
     * @param record  profile field names to values (any subset of the profile's fields; dates in any German spelling)
     * @param caseRef the case the record is linked for (required)
     * @throws de.grw.common.UserFacingException for an unknown field, a value that cannot be read, no case reference
     */
    default LinkAnswer link(Map<String, String> record, String caseRef) {
        return link(record, caseRef, null);
    }

    /**
     * Links an incoming record as {@link #link(Map, String)} does and, when {@code storeIn} names a source, stores it
     * there as a new record (normalised as an import is): suggestion {@code link} or {@code review} queues a review
     * cluster of the record with its candidates (never merged by itself: a clerk decides, a supervisor approves),
     * {@code new} stores it as a single record. The answer carries {@link LinkAnswer#storedRecord()} and
     * {@link LinkAnswer#queuedCluster()}. Storing needs the right {@code LINK_STORE} (role {@code API_STORE}, clerks
     * and supervisors).
     *
     * @param storeIn the name of an existing source to store the record in, or {@code null} to only link
     * @throws de.grw.rights.AccessDeniedException  storing without the right to
     * @throws de.grw.common.UserFacingException    as for linking; an unknown source; a record key the source holds
     */
    LinkAnswer link(Map<String, String> record, String caseRef, String storeIn);

    /** A golden record with its records and values, masked and logged. */
    GoldenView golden(String goldenId, String caseRef);

    /** Persons by family name, given name and birth date (any of them, at least one), as tolerant as matching. */
    LinkAnswer search(String familyName, String givenName, String birthDate, String caseRef);
}
