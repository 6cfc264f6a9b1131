package de.grw.review;

import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.PairView;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the comparison a clerk or a supervisor sees, for every front end (review, approval, {@code grw show}): the
 * records side by side, per field the golden value with its origin, how the records agree ({@link Equality}), and
 * the contribution of the field's comparison to the strongest pair's score.
 * <p>
 * It works on the records as the viewer got them from {@link ReviewService#show} or {@link ReviewService#golden}, so
 * it needs no database and reveals nothing the viewer may not see: under a blocking notice the masked fields stay
 * masked, take no part in the equality, and the origin of a masked golden value is not told (survivorship over
 * masked values cannot know it; the golden record an approval stores is computed from the real values).
 */
public final class ComparisonService {
    private final MatchProfile profile;
    private final GovernanceConfig governance;

    public ComparisonService(MatchProfile profile, GovernanceConfig governance) {
        this.profile = profile;
        this.governance = governance;
    }

    /**
     * A cluster under review: all its records as columns, the golden record proposed from the records to merge with
     * the clerk's choices.
     *
     * @param merged  the records to merge; all members when {@code null} or when none would be left
     * @param choices the clerk's choices by field or field group
     */
    public ComparisonTable cluster(ClusterView view, Collection<Long> merged, Map<String, FieldChoice> choices) {
        List<MemberRecord> members = view.members();
        List<MemberRecord> included = merged == null ? members
                : members.stream().filter(m -> merged.contains(m.id())).toList();
        List<MemberRecord> used = included.isEmpty() ? members : included;
        Map<String, GoldenValue> golden = new Survivorship(profile, governance.survivorship())
                .golden(used, effective(view.keptChoices(), choices, used));
        return table(members, golden, view.pairs());
    }

    /** A merge awaiting approval: the merged records as columns, the golden record with the clerk's choices. */
    public ComparisonTable merge(ClusterView view, MergeCommand merge) {
        List<MemberRecord> members = view.members().stream().filter(m -> merge.members().contains(m.id())).toList();
        Map<String, GoldenValue> golden = new Survivorship(profile, governance.survivorship())
                .golden(members, effective(view.keptChoices(), merge.choices(), members));
        List<PairView> pairs = view.pairs().stream().filter(p -> merge.members().contains(p.recordA())
                && merge.members().contains(p.recordB())).toList();
        return table(members, golden, pairs);
    }

    /**
     * The choices a golden record that grows keeps (those of a record left out of the merge dropped), replaced by the
     * clerk's own where both choose for one field.
     */
    private static Map<String, FieldChoice> effective(Map<String, FieldChoice> kept, Map<String, FieldChoice> choices,
                                                      List<MemberRecord> used) {
        Map<String, FieldChoice> out = new LinkedHashMap<>();
        kept.forEach((field, choice) -> {
            if (!(choice instanceof FieldChoice.FromRecord r) || used.stream().anyMatch(m -> m.id() == r.recordId())) {
                out.put(field, choice);
            }
        });
        if (choices != null) {
            out.putAll(choices);
        }
        return out;
    }

    /** A golden record: its current records as columns, its stored values with their origin. */
    public ComparisonTable golden(GoldenView view) {
        Map<String, GoldenValue> golden = new LinkedHashMap<>();
        view.values().forEach(v -> golden.put(v.field(), v));
        return table(view.members(), golden, List.of());
    }

    /** The rule for a field's values: equal, equal after the field's normaliser, or different. */
    public Equality equality(String field, List<String> values) {
        Normaliser normaliser = Normalisers.get(profile.field(field).orElseThrow(() -> new IllegalArgumentException(
                "unknown field " + field)).normaliser());
        Set<String> raw = new HashSet<>();
        Set<String> normalised = new HashSet<>();
        for (String v : values) {
            if (v == null || v.equals(RecordLoader.MASK)) {
                continue;
            }
            raw.add(v);
            normalised.add(Objects.requireNonNullElse(normaliser.normalise(v), ""));
        }
        if (raw.size() <= 1) {
            return Equality.EQUAL;
        }
        return normalised.size() <= 1 ? Equality.EQUAL_AFTER_NORMALISING : Equality.DIFFERENT;
    }

    private ComparisonTable table(List<MemberRecord> members, Map<String, GoldenValue> golden,
                                  List<PairView> pairs) {
        boolean masked = members.stream().anyMatch(MemberRecord::masked);
        Map<String, String[]> contributions = contributions(pairs);
        List<ComparisonTable.Row> rows = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (FieldSpec f : profile.fields()) {
            if (f.type() == FieldType.ID) {
                continue;
            }
            int index = profile.fieldIndex(f.name());
            List<String> values = new ArrayList<>();
            for (MemberRecord m : members) {
                values.add(index < m.values().size() ? m.values().get(index) : null);
            }
            GoldenValue g = golden.get(f.name());
            boolean manual = g != null && g.manual();
            boolean maskedRow = masked && governance.maskedFields().contains(f.name());
            String value = g == null ? null : g.value();
            if (maskedRow && value != null && !manual) {
                value = RecordLoader.MASK;
            }
            if (value == null && values.stream().allMatch(Objects::isNull)) {
                empty.add(f.name());
                continue;
            }
            int origin = -1;
            for (int i = 0; g != null && !manual && !maskedRow && value != null && i < members.size(); i++) {
                if (members.get(i).id() == g.originRecord()) {
                    origin = i;
                }
            }
            String[] contribution = contributions.get(f.name());
            rows.add(new ComparisonTable.Row(f.name(), values, value, origin, manual, maskedRow,
                    equality(f.name(), values), contribution == null ? null : contribution[1],
                    contribution == null ? null : Double.valueOf(contribution[2])));
        }
        return new ComparisonTable(members, rows, empty, masked);
    }

    /** Per field, the comparison it leads (its first field) in the strongest pair: comparison, level, weight. */
    private Map<String, String[]> contributions(List<PairView> pairs) {
        Map<String, String[]> out = new HashMap<>();
        PairView strongest = pairs.stream().max(java.util.Comparator.comparingDouble(PairView::probability))
                .orElse(null);
        if (strongest == null) {
            return out;
        }
        Map<String, String> leader = new HashMap<>();
        for (ComparisonSpec c : profile.comparisons()) {
            leader.put(c.name(), c.fields().get(0));
        }
        for (String[] row : ExplanationText.rows(strongest.explanationJson())) {
            String field = leader.get(row[0]);
            if (field != null && !"missing".equals(row[1])) {
                out.put(field, row);
            }
        }
        return out;
    }
}
