package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.journal.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decision payloads are Jackson records whose canonical JSON is exactly what earlier versions stored (the decisions
 * table and the journal's hash chain depend on it), and they read back into equal commands.
 */
class DecisionPayloadTest {

    private static DecisionCommand roundTrip(DecisionCommand command) {
        String json = CanonicalJson.write(command.payload());
        return DecisionCommand.fromPayload(command.kind(), json);
    }

    @Test
    void aMergeWritesMembersAscendingAndEachChoiceByItsKind() {
        Map<String, FieldChoice> choices = new LinkedHashMap<>();
        choices.put("given_names", new FieldChoice.FromRecord(17));
        choices.put("street", new FieldChoice.Manual(null));
        choices.put("city", new FieldChoice.Manual("Köln"));
        MergeCommand merge = new MergeCommand(List.of(17L, 12L), choices);

        assertThat(CanonicalJson.write(merge.payload())).isEqualTo("{\"choices\":{\"city\":{\"value\":\"Köln\"},"
                + "\"given_names\":{\"record\":17},\"street\":{\"value\":null}},\"members\":[12,17]}");
        MergeCommand back = (MergeCommand) roundTrip(merge);
        assertThat(back.members()).containsExactly(12L, 17L);
        assertThat(back.choices()).isEqualTo(choices);
        assertThat(back.choices().get("street")).isEqualTo(new FieldChoice.Manual(null));
    }

    @Test
    void theOtherKindsWriteWhatTheyAlwaysWrote() {
        NotDuplicateCommand notDuplicate = new NotDuplicateCommand(9, 4);
        assertThat(CanonicalJson.write(notDuplicate.payload())).isEqualTo("{\"records\":[4,9]}");
        assertThat(roundTrip(notDuplicate)).isEqualTo(new NotDuplicateCommand(4, 9));

        SplitCommand split = new SplitCommand(List.of(List.of(3L, 1L), List.of(2L)));
        assertThat(CanonicalJson.write(split.payload())).isEqualTo("{\"groups\":[[3,1],[2]]}");
        assertThat(roundTrip(split)).isEqualTo(split);

        assertThat(CanonicalJson.write(new DeferCommand().payload())).isEqualTo("{}");
        assertThat(roundTrip(new DeferCommand())).isEqualTo(new DeferCommand());

        assertThat(CanonicalJson.write(new DecisionPayload.Revert(5))).isEqualTo("{\"reverts\":5}");
        assertThat(DecisionPayload.read(DecisionKind.REVERT, "{\"reverts\":5}"))
                .isEqualTo(new DecisionPayload.Revert(5));
    }

    @Test
    void storedTextReadsBackTolerantOfAddedPropertiesButNotOfWrongShapes() {
        DecisionPayload p = DecisionPayload.read(DecisionKind.MERGE,
                "{\"members\":[1,2],\"choices\":{\"sex\":{\"record\":2}},\"note\":\"added later\"}");
        assertThat(p).isEqualTo(new DecisionPayload.Merge(List.of(1L, 2L), Map.of("sex",
                new FieldChoice.FromRecord(2))));
        assertThatThrownBy(() -> DecisionPayload.read(DecisionKind.NOT_DUPLICATE, "{\"records\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionPayload.read(DecisionKind.SPLIT, "{\"groups\":\"1,2\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionPayload.Revert(5).command()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDecisionEventsWriteTheJournalPayloadsOfEarlierVersions() {
        // built as earlier versions built them: maps of JSON values
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("decision", 7L);
        recorded.put("cluster", 3L);
        recorded.put("kind", "MERGE");
        recorded.put("content", Map.of("members", List.of(1L, 2L), "choices", Map.of("sex", Map.of("record", 2L))));
        recorded.put("comment", "");
        recorded.put("case", "AZ 1");
        assertThat(CanonicalJson.write(new DecisionEvents.Recorded(7, 3, DecisionKind.MERGE,
                new DecisionPayload.Merge(List.of(1L, 2L), Map.of("sex", new FieldChoice.FromRecord(2))), null,
                "AZ 1"))).isEqualTo(CanonicalJson.write(recorded));

        Map<String, Object> approved = new LinkedHashMap<>();
        approved.put("decision", 7L);
        approved.put("cluster", 3L);
        approved.put("golden_record", null);
        approved.put("comment", "ok");
        assertThat(CanonicalJson.write(new DecisionEvents.Approved(7, 3, null, "ok")))
                .isEqualTo(CanonicalJson.write(approved))
                .isEqualTo("{\"cluster\":3,\"comment\":\"ok\",\"decision\":7,\"golden_record\":null}");

        assertThat(CanonicalJson.write(new DecisionEvents.Rejected(7, 3, null)))
                .isEqualTo(CanonicalJson.write(Map.of("decision", 7, "cluster", 3, "comment", "")));
        assertThat(CanonicalJson.write(new DecisionEvents.Reverted(9, 7, 3, "zu früh", null)))
                .isEqualTo(CanonicalJson.write(Map.of("decision", 9, "reverts", 7, "cluster", 3, "comment",
                        "zu früh", "case", "")));
    }
}
