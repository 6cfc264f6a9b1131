package de.grw.review;

import de.grw.journal.CanonicalJson;
import java.util.List;
import java.util.Map;

/**
 * The stored content of a decision, one record per kind, written and read by Jackson. Its canonical JSON is kept in
 * the decisions table and sealed into the journal entry of the decision, so the JSON property names (the record
 * components, or their {@code @JsonProperty} names) are part of the workspace format and never change: a workspace
 * written before must read back into the same commands, and its journal must still verify.
 */
public sealed interface DecisionPayload {

    /** The command this content describes. */
    DecisionCommand command();

    /** A merge: {@code {"members":[ids, ascending],"choices":{field:{"record":id} or {"value":text}}}}. */
    record Merge(List<Long> members, Map<String, FieldChoice> choices) implements DecisionPayload {
        public Merge {
            members = List.copyOf(members);
            choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
        }

        @Override
        public DecisionCommand command() {
            return new MergeCommand(members, choices);
        }
    }

    /** Not the same person: {@code {"records":[lower id, higher id]}}. */
    record NotDuplicate(List<Long> records) implements DecisionPayload {
        public NotDuplicate {
            records = List.copyOf(records);
            if (records.size() != 2) {
                throw new IllegalArgumentException("a not-duplicate decision names two records, not " + records);
            }
        }

        @Override
        public DecisionCommand command() {
            return new NotDuplicateCommand(records.get(0), records.get(1));
        }
    }

    /** A split: {@code {"groups":[[ids], [ids], ...]}} in the clerk's order. */
    record Split(List<List<Long>> groups) implements DecisionPayload {
        public Split {
            groups = groups.stream().map(List::copyOf).toList();
        }

        @Override
        public DecisionCommand command() {
            return new SplitCommand(groups);
        }
    }

    /** A deferral: {@code {}}. */
    record Defer() implements DecisionPayload {
        @Override
        public DecisionCommand command() {
            return new DeferCommand();
        }
    }

    /** A revert: {@code {"reverts":id}}; it has no command of its own (it runs the reverted one backwards). */
    record Revert(long reverts) implements DecisionPayload {
        @Override
        public DecisionCommand command() {
            throw new IllegalArgumentException("no command for " + DecisionKind.REVERT);
        }
    }

    /** Reads the stored content of a decision of that kind. */
    static DecisionPayload read(DecisionKind kind, String json) {
        return CanonicalJson.read(json, kind.payloadType());
    }
}
