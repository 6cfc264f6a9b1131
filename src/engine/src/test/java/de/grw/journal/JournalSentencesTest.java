package de.grw.journal;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.export.ExportEvent;
import de.grw.review.DecisionEvents;
import de.grw.review.DecisionKind;
import de.grw.review.DecisionPayload;
import de.grw.review.FieldChoice;
import de.grw.rights.Role;
import de.grw.users.AccountEvents;
import de.grw.workspace.WorkspaceEvents;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal and the access log in words: every action has a sentence in both languages, and none leaks values. */
class JournalSentencesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final JournalSentences DE = new JournalSentences(Locale.GERMAN, BERLIN);
    private static final JournalSentences EN = new JournalSentences(Locale.ENGLISH, BERLIN);
    /** 13:05 UTC is 14:05 in Berlin in December. */
    private static final String AT = "2026-12-03T13:05:12.345Z";

    private static final DecisionPayload.Merge MERGE = new DecisionPayload.Merge(List.of(30L, 154L, 160L),
            Map.of("street", new FieldChoice.Manual("Geheimweg 7"), "family_name", new FieldChoice.FromRecord(154L)));

    private static final WorkspaceEvents.ConstraintsExported CONSTRAINTS_TO_FILE =
            new WorkspaceEvents.ConstraintsExported("AZ-17", 1234, 2470, 12, 2494, "file", "/daten/vorgaben.json",
                    null, null);

    /** One payload of each action as the engine writes it. */
    private static Map<JournalAction, Object> samples() {
        Map<JournalAction, Object> m = new EnumMap<>(JournalAction.class);
        m.put(JournalAction.WORKSPACE_CREATED, new WorkspaceEvents.Created("person-de", 10));
        m.put(JournalAction.USER_CREATED, new AccountEvents.Created("anna", Role.CLERK, null));
        m.put(JournalAction.USER_PASSWORD_CHANGED, new AccountEvents.Changed("bernd"));
        m.put(JournalAction.USER_DISABLED, new AccountEvents.Changed("dora"));
        m.put(JournalAction.USER_ENABLED, new AccountEvents.Changed("dora"));
        m.put(JournalAction.USER_ROLE_CHANGED, new AccountEvents.RoleChanged("anna", Role.SUPERVISOR, Role.CLERK));
        m.put(JournalAction.SOURCE_IMPORTED, new WorkspaceEvents.SourceImported("melderegister",
                "melderegister.csv", null, null, null, "ab12", 1234, 2, 0));
        m.put(JournalAction.MATCH_RUN, new WorkspaceEvents.MatchRun(7, 600, 5123, 0.9, 90, 12, 70, 8, "full", 2,
                0));
        m.put(JournalAction.DECISION_PROPOSED, new DecisionEvents.Recorded(41, 18, DecisionKind.MERGE, MERGE, "",
                "51.2-2026/0815"));
        m.put(JournalAction.DECISION_TAKEN, new DecisionEvents.Recorded(42, 19, DecisionKind.NOT_DUPLICATE,
                new DecisionPayload.NotDuplicate(List.of(3L, 9L)), "", "AZ-7"));
        m.put(JournalAction.DECISION_APPROVED, new DecisionEvents.Approved(41, 18, "G-000012", "geprüft"));
        m.put(JournalAction.DECISION_REJECTED, new DecisionEvents.Rejected(43, 20, "andere Mutter"));
        m.put(JournalAction.DECISION_REVERTED, new DecisionEvents.Reverted(44, 42, 19, "doch nicht", "AZ-8"));
        m.put(JournalAction.EXPORT, new ExportEvent("csv", true, null, null, null, null, null, "AZ-EX", 12, 30, true,
                0, List.of("G-000002"), null));
        m.put(JournalAction.MODEL_ESTIMATED, new WorkspaceEvents.ModelEstimated(3, 7, 600, "reestimate", 14,
                true));
        m.put(JournalAction.MODEL_ACTIVATED, new WorkspaceEvents.ModelActivated(4, 3, "activate", "bernd",
                "besser bei Zwillingen"));
        m.put(JournalAction.MODEL_REVERTED, new WorkspaceEvents.ModelActivated(3, 4, "revert", "bernd", ""));
        m.put(JournalAction.SOURCE_APPENDED, new WorkspaceEvents.SourceAppended("melderegister", 2,
                "melderegister-2026-12.csv", "cd34", 40, 3, 0, 0));
        m.put(JournalAction.CONSTRAINTS_EXPORTED, CONSTRAINTS_TO_FILE);
        m.put(JournalAction.SOURCE_RECORD_STORED, Map.of("source", "zulassung", "record", 612, "suggestion",
                "review", "cluster", 77, "candidates", List.of("G-000004"), "case", "AZ-9"));
        return m;
    }

    private static JournalEntry entry(JournalAction action, String user, Object payload) {
        return new JournalEntry(1, AT, user, action.code(), CanonicalJson.write(payload), Journal.GENESIS, "x");
    }

    @Test
    void everyActionHasASentenceInBothLanguagesAndNoneFallsBackToJson() {
        Map<JournalAction, Object> samples = samples();
        for (JournalAction action : JournalAction.values()) {
            assertThat(samples).as("a sample payload of %s", action).containsKey(action);
            for (JournalSentences s : List.of(DE, EN)) {
                assertThat(s.hasSentenceFor(action)).as("%s has every sentence", action).isTrue();
                String sentence = s.journal(entry(action, "anna", samples.get(action)));
                assertThat(sentence).as(action.code()).startsWith("anna ")
                        .doesNotContain("{", "}", "\"", "!", "null")
                        .contains(s == DE ? "am 03.12.2026 um 14:05" : "on 3 Dec 2026 at 14:05");
                if (action.code().contains(".")) {
                    assertThat(sentence).as(action.code()).doesNotContain(action.code());
                }
            }
        }
    }

    @Test
    void theIssuesExampleReadsAsItShould() {
        JournalEntry proposed = entry(JournalAction.DECISION_PROPOSED, "Anna", samples()
                .get(JournalAction.DECISION_PROPOSED));
        assertThat(DE.journal(proposed)).isEqualTo("Anna schlug am 03.12.2026 um 14:05 vor, 3 Datensätze der "
                + "Gruppe 18 zusammenzuführen; ein Wert von Hand eingegeben (AZ 51.2-2026/0815)");
        assertThat(EN.journal(proposed)).isEqualTo("Anna proposed on 3 Dec 2026 at 14:05 to merge 3 records of "
                + "group 18; one value typed by hand (case 51.2-2026/0815)");
        assertThat(DE.journal(entry(JournalAction.DECISION_APPROVED, "bernd",
                samples().get(JournalAction.DECISION_APPROVED)))).isEqualTo("bernd gab am 03.12.2026 um 14:05 die "
                + "Zusammenführung 41 frei (Gruppe 18, Golden Record G-000012) – Bemerkung: „geprüft“");
        assertThat(DE.journal(entry(JournalAction.MATCH_RUN, "anna", samples().get(JournalAction.MATCH_RUN))))
                .isEqualTo("anna glich am 03.12.2026 um 14:05 600 Datensätze ab (Lauf 7, Schwelle 0,90): 90 Gruppen, "
                        + "davon 12 neu in der Prüfliste");
        // a Spark job's proposal bundle loaded for review (issue 17) says so
        assertThat(DE.journal(entry(JournalAction.MATCH_RUN, "anna", new WorkspaceEvents.MatchRun(8, 600, 5123, 0.9,
                90, 12, 70, 8, "imported", null, null, "ab12"))))
                .isEqualTo("anna übernahm am 03.12.2026 um 14:05 die Vorschläge eines Spark-Laufs über 600 Datensätze "
                        + "(Lauf 8, Schwelle 0,90): 90 Gruppen, davon 12 neu in der Prüfliste");
        assertThat(DE.journal(entry(JournalAction.SOURCE_IMPORTED, "anna",
                samples().get(JournalAction.SOURCE_IMPORTED)))).contains("1.234 Datensätze");
        assertThat(DE.journal(entry(JournalAction.USER_PASSWORD_CHANGED, "bernd", new AccountEvents.Changed("bernd"))))
                .isEqualTo("bernd änderte am 03.12.2026 um 14:05 das eigene Kennwort");
        // summer time: 12:00 UTC is 14:00 in Berlin
        assertThat(DE.when("2026-07-01T12:00:00Z")).isEqualTo("am 01.07.2026 um 14:00");
    }

    @Test
    void anExportOfTheConstraintsSaysHowManyWhereToWhatForAndTheCase() {
        // issue 17: the decisions leave the workspace for a national run; the journal says so in words
        JournalEntry file = entry(JournalAction.CONSTRAINTS_EXPORTED, "anna", CONSTRAINTS_TO_FILE);
        assertThat(DE.journal(file)).isEqualTo("anna gab am 03.12.2026 um 14:05 die Entscheidungen als Vorgaben für "
                + "einen Abgleich außerhalb aus: 1.234 Gruppen, die zusammenbleiben (2.470 Datensätze), und 12 Paare, "
                + "die getrennt bleiben; in die Datei /daten/vorgaben.json (AZ AZ-17)");
        assertThat(EN.journal(file)).isEqualTo("anna exported the decisions as constraints for a match run elsewhere "
                + "on 3 Dec 2026 at 14:05: 1,234 must-link groups (2,470 records) and 12 cannot-links, to the file "
                + "/daten/vorgaben.json (case AZ-17)");
        JournalEntry served = entry(JournalAction.CONSTRAINTS_EXPORTED, "bernd", new WorkspaceEvents
                .ConstraintsExported("AZ-18", 3, 7, 0, 7, "server", null, "10.1.2.3",
                "grw-spark --out hdfs:///grw/proposals-2026-12"));
        assertThat(DE.journal(served)).isEqualTo("bernd gab am 03.12.2026 um 14:05 die Entscheidungen als Vorgaben "
                + "für einen Abgleich außerhalb über den Server aus: 3 Gruppen, die zusammenbleiben (7 Datensätze), "
                + "und kein Paar, das getrennt bleibt; abgerufen von 10.1.2.3; bestimmt für „grw-spark --out "
                + "hdfs:///grw/proposals-2026-12“ (AZ AZ-18)");
        assertThat(EN.journal(served)).isEqualTo("bernd exported the decisions as constraints for a match run "
                + "elsewhere through the server on 3 Dec 2026 at 14:05: 3 must-link groups (7 records) and no "
                + "cannot-links, fetched from 10.1.2.3; declared for “grw-spark --out hdfs:///grw/proposals-2026-12” "
                + "(case AZ-18)");
    }

    @Test
    void aSentenceNeverRepeatsAValueOfARecord() {
        // a merge of records of a person under a blocking notice, with a street typed by hand: the payload holds the
        // street, the sentence only says that a value was typed (the raw JSON stays where it was, for those who may)
        JournalEntry e = entry(JournalAction.DECISION_PROPOSED, "anna", samples().get(JournalAction.DECISION_PROPOSED));
        assertThat(e.payload()).contains("Geheimweg 7");
        for (JournalSentences s : List.of(DE, EN)) {
            assertThat(s.journal(e)).doesNotContain("Geheimweg", "154", "160");
            assertThat(s.journal(entry(JournalAction.DECISION_TAKEN, "anna", new DecisionEvents.Recorded(45, 21,
                    DecisionKind.MERGE, MERGE, "", "")))).doesNotContain("Geheimweg");
        }
    }

    @Test
    void anActionOfANewerVersionIsNamedNotDumped() {
        JournalEntry future = new JournalEntry(1, AT, "anna", "golden.renamed", "{\"secret\":\"x\"}",
                Journal.GENESIS, "x");
        assertThat(DE.journal(future)).isEqualTo("anna: golden.renamed am 03.12.2026 um 14:05")
                .doesNotContain("secret");
    }

    @Test
    void aQueueListingWithNamesInWords() {
        assertThat(DE.access(AT, "anna", "QUEUE", "51.2-2026/0815", "queue: clusters 12, 13, 40",
                List.of(1L, 2L, 3L, 4L, 5L)))
                .isEqualTo("anna sah am 03.12.2026 um 14:05 in der Prüfliste 3 Gruppen mit den Namen von 5 Datensätzen"
                        + " ein (AZ 51.2-2026/0815)");
        assertThat(EN.access(AT, "anna", "QUEUE", "", "queue: clusters 12, 13", List.of(1L, 2L)))
                .isEqualTo("anna listed 2 groups in the review queue with the names of 2 records"
                        + " on 3 Dec 2026 at 14:05");
    }

    @Test
    void accessLogEntriesInWords() {
        assertThat(DE.access(AT, "anna", "SHOW", "51.2-2026/0815", "cluster 18", List.of(30L, 154L)))
                .isEqualTo("anna sah am 03.12.2026 um 14:05 die Gruppe 18 mit 2 Datensätzen ein (AZ 51.2-2026/0815)");
        assertThat(EN.access(AT, "anna", "SHOW", "", "golden record G-000003", List.of(1L, 2L, 3L)))
                .isEqualTo("anna viewed the golden record G-000003 with 3 records on 3 Dec 2026 at 14:05");
        assertThat(DE.access(AT, "bernd", "EXPORT", "AZ-EX", "export of 12 golden records as csv", List.of(1L, 2L)))
                .isEqualTo("bernd exportierte am 03.12.2026 um 14:05 12 Golden Records mit 2 Datensätzen (AZ AZ-EX)");
        assertThat(DE.access(AT, "bernd", "EXPORT_BLOCKED", "AZ-3",
                "records under a blocking notice included in an export by bernd: G-000002, G-000009", List.of(5L)))
                .contains("G-000002, G-000009", "Auskunftssperre");
        assertThat(DE.access(AT, "anna", "EXPORT_CONSTRAINTS", "", "export of the constraints",
                List.of(1L, 2L, 3L))).isEqualTo("anna exportierte am 03.12.2026 um 14:05 die Entscheidungen als "
                + "Vorgaben für einen Abgleich außerhalb (3 Datensätze)");
        for (String action : JournalSentences.accessActions()) {
            for (JournalSentences s : List.of(DE, EN)) {
                String detail = action.equals("SIGN_IN_FAILED") ? "wrong name or password" : "link: 2 candidates";
                assertThat(s.access(AT, "anna", action, "", detail, List.of(1L)))
                        .as(action).startsWith("anna").doesNotContain(action, "{", "link:");
            }
        }
    }

    /**
     * The access log's other entries in words too, as the engine writes them (a failed sign-in, the samples of bulk
     * work, a search through the link interface): the screen showed "anna: SIGN_IN_FAILED am …, 0 Datensätze".
     */
    @Test
    void failedSignInsSamplesAndSearchesInWords() {
        assertThat(de.grw.users.UserService.SIGN_IN_FAILED).isIn(JournalSentences.accessActions());
        assertThat(DE.access(AT, "anna", "SIGN_IN_FAILED", "",
                "wrong name or password; failure 5 in a row; locked until 2026-12-03T13:20:00Z", List.of()))
                .isEqualTo("anna: Anmeldung am 03.12.2026 um 14:05 gescheitert (falscher Name oder falsches Kennwort, "
                        + "5. Fehlversuch in Folge, gesperrt bis 14:20)");
        assertThat(EN.access(AT, "dora", "SIGN_IN_FAILED", "", "disabled", List.of()))
                .isEqualTo("dora: signing in on 3 Dec 2026 at 14:05 failed (account disabled)");
        assertThat(DE.access(AT, "ldap-anna", "SIGN_IN_FAILED", "", "directory account", List.of()))
                .contains("ein Konto des Verzeichnisses");
        assertThat(EN.access(AT, "eve", "SIGN_IN_FAILED", "", "locked", List.of())).endsWith("(account locked)");
        assertThat(DE.access(AT, "anna", "BULK_SAMPLE", "51.2-2026/0815",
                "bulk sample: clusters 4, 9, 12 of 40 (band 0.9-0.99, sources all)", List.of(1L, 2L, 3L, 4L, 5L, 6L)))
                .isEqualTo("anna sah am 03.12.2026 um 14:05 eine Stichprobe von 3 der 40 Gruppen für einen "
                        + "Sammelvorschlag ein (6 Datensätze) (AZ 51.2-2026/0815)");
        assertThat(EN.access(AT, "bernd", "APPROVAL_SAMPLE", "", "approval sample: decisions 7, 8 of 12",
                List.of(1L, 2L, 3L, 4L)))
                .isEqualTo("bernd viewed a sample of 2 of 12 merges for a batch approval on 3 Dec 2026 at 14:05 "
                        + "(4 records)");
        assertThat(DE.access(AT, "fachverfahren", "SEARCH", "AZ-9", "search: 2 candidates", List.of(1L, 2L)))
                .isEqualTo("fachverfahren ließ am 03.12.2026 um 14:05 nach einer Person suchen; 2 Datensätze wurden "
                        + "angezeigt (AZ AZ-9)");
    }
}
