package de.grw.api;

import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.review.ReviewViews.GoldenView;
import java.util.Map;

/**
 * Real-time linking for other applications (an account with the role {@code API}; clerks and supervisors may use it
 * too): every call needs a case reference, and every answer is masked and logged in the access log as a display in
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
    LinkAnswer link(Map<String, String> record, String caseRef);

    /** A golden record with its records and values, masked and logged. */
    GoldenView golden(String goldenId, String caseRef);

    /** Persons by family name, given name and birth date (any of them, at least one), as tolerant as matching. */
    LinkAnswer search(String familyName, String givenName, String birthDate, String caseRef);
}
