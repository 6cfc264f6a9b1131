package de.grw.review;

import de.grw.workspace.GovernanceConfig;

import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Proposes the values of a golden record from its member records, field by field (or group by group: an address
 * comes from one record), by a chain of rules: {@code source_priority}, {@code most_recent}, {@code most_complete},
 * {@code most_frequent}. Each rule keeps the best candidates; the next rule breaks ties; the record with the lowest
 * id breaks what is left. A clerk's choices replace the proposal for their fields. Values taken from records are
 * then written in the field's one style ({@link GoldenStyle}: sex as its code, names and places not in capitals).
 */
public final class Survivorship {
    private final MatchProfile profile;
    private final GovernanceConfig.SurvivorshipRules rules;
    private final GoldenStyle style;

    public Survivorship(MatchProfile profile, GovernanceConfig.SurvivorshipRules rules) {
        this.profile = profile;
        this.rules = rules;
        this.style = new GoldenStyle(profile);
    }

    /** The golden values for the members, with the clerk's choices applied (keyed by field or group name). */
    public Map<String, GoldenValue> golden(List<MemberRecord> members, Map<String, FieldChoice> choices) {
        Map<String, GoldenValue> out = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        rules.groups().forEach((group, fields) -> fields.forEach(f -> groupOf.put(f, group)));
        List<String> done = new ArrayList<>();
        for (FieldSpec field : profile.fields()) {
            if (field.type() == FieldType.ID || done.contains(field.name())) {
                continue;
            }
            String group = groupOf.get(field.name());
            List<String> fields = group == null ? List.of(field.name()) : rules.groups().get(group);
            done.addAll(fields);
            String ruleKey = group == null ? field.name() : group;
            FieldChoice.FromRecord from = null;
            if (choices.get(ruleKey) instanceof FieldChoice.FromRecord f) {
                from = f;
            }
            for (String f : fields) {
                if (from == null && choices.get(f) instanceof FieldChoice.FromRecord r) {
                    from = r;
                }
            }
            MemberRecord source;
            if (from != null) {
                long wanted = from.recordId();
                source = members.stream().filter(m -> m.id() == wanted).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("record " + wanted
                                + " is not a member of this cluster"));
            } else {
                source = choose(members, fields, rules.fields().getOrDefault(ruleKey, rules.defaultRules()));
            }
            for (String f : fields) {
                if (choices.get(f) instanceof FieldChoice.Manual manual) {
                    out.put(f, new GoldenValue(f, manual.value(), true, 0));
                } else if (source == null) {
                    out.put(f, new GoldenValue(f, null, false, 0));
                } else {
                    out.put(f, style.style(new GoldenValue(f, value(source, f), false, source.id()), members));
                }
            }
        }
        return out;
    }

    /** The member whose values of {@code fields} win under the rule chain, or {@code null} if none has any. */
    MemberRecord choose(List<MemberRecord> members, List<String> fields, List<String> chain) {
        List<MemberRecord> candidates = new ArrayList<>();
        for (MemberRecord m : members) {
            if (fields.stream().anyMatch(f -> value(m, f) != null)) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        for (String rule : chain) {
            if (candidates.size() == 1) {
                break;
            }
            candidates = keepBest(candidates, scorer(rule, candidates, fields));
        }
        candidates.sort(Comparator.comparingLong(MemberRecord::id));
        return candidates.get(0);
    }

    private static List<MemberRecord> keepBest(List<MemberRecord> candidates, ToDoubleFunction<MemberRecord> score) {
        double best = Double.NEGATIVE_INFINITY;
        for (MemberRecord m : candidates) {
            best = Math.max(best, score.applyAsDouble(m));
        }
        List<MemberRecord> out = new ArrayList<>();
        for (MemberRecord m : candidates) {
            if (score.applyAsDouble(m) == best) {
                out.add(m);
            }
        }
        return out;
    }

    private ToDoubleFunction<MemberRecord> scorer(String rule, List<MemberRecord> candidates, List<String> fields) {
        switch (rule) {
            case "source_priority":
                return m -> -sourceRank(m.source());
            case "most_recent":
                // rank the time stamps as text: 17 digits do not fit a double exactly (1 ms apart would tie)
                List<String> stamps = candidates.stream().map(this::recency).filter(java.util.Objects::nonNull)
                        .distinct().sorted().toList();
                return m -> {
                    String stamp = recency(m);
                    return stamp == null ? Double.NEGATIVE_INFINITY : java.util.Collections.binarySearch(stamps, stamp);
                };
            case "most_complete":
                return m -> {
                    double score = 0;
                    for (String f : fields) {
                        String v = value(m, f);
                        if (v != null) {
                            score += 1000 + v.strip().length();
                        }
                    }
                    return score;
                };
            case "most_frequent":
                Map<String, Integer> counts = new HashMap<>();
                for (MemberRecord m : candidates) {
                    counts.merge(key(m, fields), 1, Integer::sum);
                }
                return m -> counts.get(key(m, fields));
            default:
                throw new IllegalArgumentException("unknown survivorship rule '" + rule
                        + "' (source_priority, most_recent, most_complete, most_frequent)");
        }
    }

    private int sourceRank(String source) {
        List<String> order = rules.sourcePriority();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).equalsIgnoreCase(source)) {
                return i;
            }
        }
        return order.size();
    }

    /** The record's time stamp as 17 digits (dates and ISO times sort correctly as text), or {@code null}. */
    private String recency(MemberRecord m) {
        String by = rules.recentBy();
        String stamp;
        if (by.equals("imported_at")) {
            stamp = m.importedAt();
        } else {
            stamp = value(m, by);
        }
        if (stamp == null) {
            return null;
        }
        String digits = stamp.replaceAll("[^0-9]", "");
        return (digits + "00000000000000000").substring(0, 17);
    }

    private String key(MemberRecord m, List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            String v = value(m, f);
            Normaliser n = Normalisers.get(profile.field(f).orElseThrow().normaliser());
            String norm = v == null ? null : n.normalise(v);
            sb.append(norm == null ? "" : norm).append('\u0001');
        }
        return sb.toString();
    }

    private String value(MemberRecord m, String field) {
        int index = profile.fieldIndex(field);
        return index < 0 ? null : m.values().get(index);
    }
}
