package de.grw.ui.review;

import de.grw.ui.common.I18n;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment field's prompt as the workspace's governance settings have it: "optional" only where no decision
 * needs a comment, else which decisions do (deferring, in the German profile).
 */
final class CommentPrompt {
    /** The clerk's decisions with the key of their button text. */
    private static final Map<String, String> DECISIONS = new LinkedHashMap<>();

    static {
        DECISIONS.put("MERGE", "review.merge");
        DECISIONS.put("NOT_DUPLICATE", "review.notDuplicate");
        DECISIONS.put("SPLIT", "review.split");
        DECISIONS.put("DEFER", "review.defer");
    }

    private CommentPrompt() {
    }

    static String text(GovernanceConfig settings, I18n t) {
        if (settings == null) {
            return t.get("review.commentPrompt");
        }
        List<String> needing = new ArrayList<>();
        DECISIONS.forEach((kind, key) -> {
            if (settings.needsComment(kind)) {
                needing.add(t.get(key));
            }
        });
        if (needing.isEmpty()) {
            return t.get("review.commentPrompt");
        }
        if (needing.size() == DECISIONS.size()) {
            return t.get("review.commentRequired");
        }
        return t.get("review.commentRequiredFor", String.join(", ", needing));
    }
}
