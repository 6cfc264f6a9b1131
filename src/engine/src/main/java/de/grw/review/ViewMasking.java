package de.grw.review;

import de.grw.workspace.GovernanceConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cluster's golden-record parts masked for a viewer who sees one of its records masked (a person under a blocking
 * notice, for a user who may not see them): the survivorship proposal and the values kept from earlier merges read
 * {@code ***} for the fields the governance settings mask. The decisions themselves are masked by
 * {@link JournalMasking#maskDecisions}.
 */
final class ViewMasking {
    private ViewMasking() {
    }

    /** The proposal with the masked fields' values as {@code ***}. */
    static Map<String, GoldenValue> proposal(GovernanceConfig governance, Map<String, GoldenValue> proposal) {
        Map<String, GoldenValue> out = new LinkedHashMap<>(proposal);
        for (String f : governance.maskedFields()) {
            GoldenValue v = out.get(f);
            if (v != null && v.value() != null) {
                out.put(f, new GoldenValue(f, RecordLoader.MASK, v.manual(), v.originRecord()));
            }
        }
        return out;
    }

    /**
     * The values kept from earlier merges, masked as the proposal is: a value typed for a masked field reads
     * {@code ***} (a value taken from a record names only the record), as the proposal built from them already
     * does.
     */
    static ReviewViews.GoldenExtension extension(GovernanceConfig governance, ReviewViews.GoldenExtension extending) {
        if (extending == null) {
            return null;
        }
        Map<String, FieldChoice> kept = new LinkedHashMap<>(extending.kept());
        for (String f : governance.maskedFields()) {
            if (kept.get(f) instanceof FieldChoice.Manual m && m.value() != null) {
                kept.put(f, new FieldChoice.Manual(RecordLoader.MASK));
            }
        }
        return new ReviewViews.GoldenExtension(extending.goldenIds(), kept, extending.history());
    }
}
