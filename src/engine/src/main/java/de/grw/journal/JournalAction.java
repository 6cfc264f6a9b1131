package de.grw.journal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a journal entry records. Each action is stored as its {@link #code()} (e.g. {@code decision.proposed}); the
 * codes are part of the workspace format and of every exported journal, sealed into the hash chain and used as
 * text keys by the desktop ({@code action.<code>}), so a code never changes once released.
 */
public enum JournalAction {
    /** A workspace was created with a profile. */
    WORKSPACE_CREATED("workspace.created"),
    /** An account was created (the first administrator, or by an administrator). */
    USER_CREATED("user.created"),
    /** An account's password was changed. */
    USER_PASSWORD_CHANGED("user.password_changed"),
    /** An account was disabled. */
    USER_DISABLED("user.disabled"),
    /** An account was enabled again. */
    USER_ENABLED("user.enabled"),
    /** An account's role was changed (by an administrator, or by the office's directory at sign-in). */
    USER_ROLE_CHANGED("user.role_changed"),
    /** A file or database table was imported as a new source. */
    SOURCE_IMPORTED("source.imported"),
    /** A match run stored its clusters. */
    MATCH_RUN("match.run"),
    /** A merge was proposed and waits for a supervisor. */
    DECISION_PROPOSED("decision.proposed"),
    /** A decision that needs no approval took effect. */
    DECISION_TAKEN("decision.taken"),
    /** A supervisor approved a proposed merge. */
    DECISION_APPROVED("decision.approved"),
    /** A supervisor rejected a proposed merge. */
    DECISION_REJECTED("decision.rejected"),
    /** A decision was reverted (or a pending merge withdrawn). */
    DECISION_REVERTED("decision.reverted"),
    /** Golden records were exported. */
    EXPORT("export"),
    /**
     * A model version was trained (estimated). Before schema 15 it was the active one at once; since, only the first
     * model of a workspace (or of a changed profile) is: every later version waits for a supervisor's activation.
     */
    MODEL_ESTIMATED("model.estimated"),
    /** New rows of a feed were appended to an existing source. */
    SOURCE_APPENDED("source.appended"),
    /**
     * A record an application linked was stored as a new record of an existing source (real-time linking with
     * {@code store}); when it was not certain, it entered the review queue with its candidates.
     */
    SOURCE_RECORD_STORED("source.record_stored"),
    /** A supervisor activated a newer model version (four eyes: not the one who trained it), or the first model was. */
    MODEL_ACTIVATED("model.activated"),
    /** A supervisor went back to an earlier model version. */
    MODEL_REVERTED("model.reverted"),
    /**
     * The clerks' decisions were exported as must-links and cannot-links for a match run elsewhere (the Spark job,
     * issue 17): who, under which case reference, how many of each, and where the file went.
     */
    CONSTRAINTS_EXPORTED("constraints.exported");

    private static final Map<String, JournalAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(JournalAction::code, Function.identity()));

    private final String code;

    JournalAction(String code) {
        this.code = code;
    }

    /** The text stored in the journal. */
    public String code() {
        return code;
    }

    /** The action stored as {@code code}, if this version knows it. */
    public static Optional<JournalAction> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @Override
    public String toString() {
        return code;
    }
}
