package de.grw.ui.common;

import de.grw.common.UserFacingException;

/** Turns failures into messages for users. */
public final class Errors {
    /**
     * What a server may not offer yet, by the operation {@code remote.not_offered} names
     * ({@code ReviewApi.revert}) or its interface ({@code ImportApi}); each has a name in the bundles
     * ({@code remote.feature.ReviewApi.revert}), and {@code other} stands for the rest.
     */
    public static final java.util.List<String> FEATURES = java.util.List.of("ReviewApi", "ReviewApi.sources",
            "ReviewApi.revert", "ReviewApi.golden", "ApprovalApi", "ApprovalApi.reject", "ImportApi", "MatchingApi",
            "JournalApi", "JournalApi.entries", "AccessLogApi", "ExportApi", "UsersApi", "GovernanceApi", "other");

    private Errors() {
    }

    /**
     * What the server does not offer yet ({@code remote.not_offered}), as an entry of {@link #FEATURES}, or
     * {@code null} for any other problem.
     */
    public static String notOffered(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UserFacingException u && u.text() != null
                    && "remote.not_offered".equals(u.text().key())) {
                Object[] args = u.text().args();
                String operation = args.length > 0 ? String.valueOf(args[0]) : "";
                String api = operation.contains(".") ? operation.substring(0, operation.indexOf('.')) : operation;
                return FEATURES.contains(operation) ? operation : FEATURES.contains(api) ? api : "other";
            }
        }
        return null;
    }

    /** Refusals that mean the session is over on the server's side (idle or lifetime out, account changed). */
    private static final java.util.Set<String> SESSION_ENDED = java.util.Set.of("server.not_signed_in",
            "server.session_ended", "users.signed_out");

    /** Whether a failure says that the signed-in session has ended (the user must sign in again). */
    public static boolean sessionEnded(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof de.grw.rights.AccessDeniedException a && a.text() != null
                    && SESSION_ENDED.contains(a.text().key())) {
                return true;
            }
        }
        return false;
    }

    public static String message(Throwable t, I18n i18n) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof UserFacingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof de.grw.common.CancelledException) {
            return i18n.get("task.cancelled");
        }
        if (cause instanceof UserFacingException u) {
            String feature = notOffered(u);
            if (feature != null) {
                return i18n.get("remote.notOffered", i18n.get("remote.feature." + feature));
            }
            return u.message(i18n.locale());
        }
        return i18n.get("error.unexpected", cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
