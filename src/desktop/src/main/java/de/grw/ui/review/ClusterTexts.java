package de.grw.ui.review;

import de.grw.profile.MatchProfile;
import de.grw.review.ExplanationText;
import de.grw.review.FieldChoice;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The review's sentences about a cluster: an explanation row, and what a cluster that extends a golden record keeps. */
public final class ClusterTexts {
    private ClusterTexts() {
    }

    /** The strongest pair's explanation rows of a cluster (comparison, level, weight, versus), without "missing". */
    static List<String[]> explanationRows(ClusterView view) {
        List<String[]> lines = new ArrayList<>();
        if (!view.pairs().isEmpty()) {
            for (String[] row : de.grw.api.Comparisons.explanation(view.pairs().get(0).explanationJson())) {
                if (!"missing".equals(row[1])) {
                    lines.add(row);
                }
            }
        }
        return lines;
    }

    /**
     * One explanation row as the clerk reads it: {@code Vornamen: gleich +5,4}; against a household class
     * {@code gleicher Haushalt: Vornamen verschieden −9,3}; a direct contradiction
     * {@code Widerspruch: zwei gültige Steuer-IDs – Verknüpfung ausgeschlossen}.
     */
    public static String explanationLine(String[] row, Locale locale) {
        String words = ExplanationText.describe(row[0], row[1], row.length > 3 ? row[3] : ExplanationText.OTHERS,
                locale);
        return ExplanationText.isContradiction(row[0]) ? words + " \u2013 " + ExplanationText.refused(locale)
                : words + " " + ExplanationText.weight(Double.parseDouble(row[2]), locale);
    }

    /**
     * "Erweitert Golden Record G-…: gewählte und getippte Werte bleiben: Anschrift (gewählt), E-Mail (getippt) · 1
     * Entscheidung bisher", or empty for a cluster that extends no golden record.
     */
    static String extension(ClusterView view, I18n t, MatchProfile profile) {
        if (view.extending() == null) {
            return "";
        }
        String language = t.locale().getLanguage();
        List<String> kept = new ArrayList<>();
        view.extending().kept().forEach((field, choice) -> {
            String label = profile.field(field).map(f -> f.label(language))
                    .orElseGet(() -> "address".equals(field) ? t.get("review.group.address") : field);
            kept.add(label + " (" + t.get(choice instanceof FieldChoice.Manual ? "review.kept.typed"
                    : "review.kept.chosen") + ")");
        });
        return t.get("review.extends", String.join(", ", view.extending().goldenIds()),
                kept.isEmpty() ? t.get("review.kept.none") : String.join(", ", kept),
                view.extending().history().size());
    }
}
