package de.grw.versions;

import java.util.List;

/**
 * A model version as supervisors see it (no personal data).
 *
 * @param version          the version number
 * @param trainedAt        when it was trained (ISO-8601, UTC)
 * @param trainedBy        who trained it (or ran the match that did)
 * @param runId            the match run that trained it, or {@code null} when trained on its own
 * @param records          records it was trained over
 * @param method           how it was trained ({@code em}, ...); {@code null} for a version from before schema 15
 * @param reason           why ({@code first}, {@code profile_changed}, {@code reestimate}, {@code train})
 * @param decisionsUsed    the decisions whose labels it used
 * @param decisionsInForce decisions in effect when it was trained (they constrained the clustering)
 * @param precision        estimated precision at the threshold, or {@code null} when not estimated
 * @param recall           estimated recall, or {@code null}
 * @param f1               estimated F1, or {@code null}
 * @param converged        whether EM converged
 * @param modelSha256      SHA-256 of the stored parameters
 * @param state            {@code active}, {@code candidate} (never active: may be activated) or {@code earlier}
 *                         (was active before: may be gone back to)
 * @param activatedBy      who made it active last, or {@code null}
 * @param activatedAt      when, or {@code null}
 * @param parameters       the model, one line per comparison level (m and u)
 */
public record ModelVersionView(int version, String trainedAt, String trainedBy, Long runId, long records,
                               String method, String reason, List<Long> decisionsUsed, int decisionsInForce,
                               Double precision, Double recall, Double f1, boolean converged, String modelSha256,
                               String state, String activatedBy, String activatedAt, List<String> parameters) {
    public ModelVersionView {
        decisionsUsed = List.copyOf(decisionsUsed);
        parameters = List.copyOf(parameters);
    }

    public boolean active() {
        return "active".equals(state);
    }
}
