package de.grw.export;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalFile;
import de.grw.journal.JournalVerifier;
import de.grw.ledger.Ledger;
import de.grw.ledger.TreeHead;
import de.grw.review.FieldChoice;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the exported journal masks the values typed for a blocked person's golden record, as the journal
 * screen does, unless the export includes the blocked records (a supervisor's {@code --include-blocked}). The
 * masked entries are redacted: the exported journal and its signed tree head still verify, the redacted entries
 * are named, and the tricks around it fail: an entry of another kind marked redacted, a redacted entry's hash
 * changed, an ordinary entry edited.
 */
class ExportBlockedJournalTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String SECRET = "Berghorst-Geheim";

    @TempDir
    Path dir;

    private Path file;
    private Path home;

    @BeforeEach
    void prepare() throws Exception {
        Path melde = Files.writeString(dir.resolve("melderegister.csv"), """
                Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort;Auskunftssperre
                M1;Berghorst;Ines;12.11.1979;Max-Planck-Straße;7;64678;Lindenfels;ja
                M2;Schmidt;Anna;17.08.1985;Goethestr.;3;80331;München;
                """);
        Path sozial = Files.writeString(dir.resolve("sozialamt.csv"), """
                Aktenzeichen;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort
                S1;Berghorst;Ines;12.11.1979;Max-Planck-Straße;7;64678;Lindenfels
                S2;Nowak;Piotr;30.09.1977;Am Markt;1;01067;Dresden
                """);
        file = dir.resolve("ws.grw");
        home = dir.resolve("ledger");
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            Ledger.attach(w, home);
            Session admin = TestWorkspaces.createWithUsers(w);
            for (Path f : List.of(melde, sozial)) {
                new WorkspaceImporter(w).importFile(admin, f, MappingFile.NONE, null, null, ProgressListener.NONE,
                        CancellationToken.NONE);
            }
            Session bernd = login(w, TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
            new WorkspaceMatcher(w).run(bernd, null, ProgressListener.NONE, CancellationToken.NONE);
            ReviewService review = new ReviewService(w);
            long cluster = review.queue(bernd, null, 0).get(0).clusterId();
            long proposed = review.propose(bernd, cluster, new MergeCommand(TestWorkspaces.members(w, cluster),
                    Map.of("family_name", new FieldChoice.Manual(SECRET))), "", "AZ-1").id();
            Session carla = login(w, TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD);
            review.approve(carla, proposed, "ok");
        }
    }

    private static Session login(Workspace w, String name, String password) {
        return new UserService(w).login(name, password.toCharArray());
    }

    private Path export(String user, String password, boolean includeBlocked, String name) {
        Path out = dir.resolve(name);
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            Ledger.attach(w, home);
            new GoldenExporter(w).export(login(w, user, password),
                    new ExportOptions(ExportFormat.JSONL, false, includeBlocked, "AZ-2", out));
        }
        return out;
    }

    @Test
    void anAdministratorsExportMasksTheTypedValueAndStillVerifiesWithItsSignedHead() throws Exception {
        Path out = export(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, false, "admin");
        String journal = Files.readString(out.resolve(GoldenExporter.JOURNAL));
        assertThat(journal).doesNotContain(SECRET).contains("\"family_name\":{\"value\":\"***\"}")
                .contains("\"redacted\":{\"leaf\":");
        for (String f : List.of("golden_records.jsonl", "lineage.jsonl", "members.jsonl")) {
            assertThat(Files.readString(out.resolve(f))).as(f).doesNotContain(SECRET).doesNotContain("Berghorst");
        }
        JournalVerifier.Result r = JournalFile.verify(out.resolve(GoldenExporter.JOURNAL));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.redacted()).hasSize(1);
        assertThat(r.describe()).contains("1 entry redacted");
        // the export's signed tree head (over the journal as stored) is proved by the redacted file
        TreeHead head = TreeHead.read(out.resolve(TreeHead.FILE));
        assertThat(head.signatureValid()).isTrue();
        assertThat(head.extendedBy(JournalFile.read(out.resolve(GoldenExporter.JOURNAL))).ok()).isTrue();
        // and a later supervisor's export with the blocked records (unmasked, nothing redacted) extends it
        Path full = export(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, true, "full");
        List<JournalEntry> unmasked = JournalFile.read(full.resolve(GoldenExporter.JOURNAL));
        assertThat(Files.readString(full.resolve(GoldenExporter.JOURNAL))).contains(SECRET).doesNotContain(
                "\"redacted\"");
        assertThat(JournalFile.verify(full.resolve(GoldenExporter.JOURNAL)).redacted()).isEmpty();
        assertThat(head.extendedBy(unmasked).ok()).isTrue();
    }

    @Test
    void aSupervisorsExportWithoutTheBlockedRecordsMasksToo() throws Exception {
        Path out = export(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, false, "bernd");
        assertThat(Files.readString(out.resolve(GoldenExporter.JOURNAL))).doesNotContain(SECRET).contains("***");
    }

    @Test
    void redactionCannotBeUsedToHideAnEdit() throws Exception {
        Path out = export(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, false, "admin");
        Path journal = out.resolve(GoldenExporter.JOURNAL);
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        int redacted = indexOf(lines, "\"redacted\"");
        int other = indexOf(lines, "\"action\":\"export\"");

        // an ordinary entry (the export's own) marked redacted with any leaf so that its edit is not recomputed
        List<String> forged = new ArrayList<>(lines);
        forged.set(other, forged.get(other).replace("\"user\":\"admin\"", "\"user\":\"bernd\"")
                .replace(",\"hash\":", ",\"redacted\":{\"leaf\":\"" + "0".repeat(64) + "\"},\"hash\":"));
        assertThat(verifyLines(forged).describe()).contains("only decisions' values are ever redacted");

        // a redacted entry's hash replaced: the entry after it no longer follows
        forged = new ArrayList<>(lines);
        String hash = JournalEntry.fromJsonLine(lines.get(redacted)).hash();
        forged.set(redacted, forged.get(redacted).replace(hash, "1".repeat(64)));
        JournalVerifier.Result r = verifyLines(forged);
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBad()).isEqualTo(redacted + 2L);

        // a redacted entry's leaf replaced: the chain holds, but the signed tree head no longer is proved
        forged = new ArrayList<>(lines);
        String leaf = JournalEntry.fromJsonLine(lines.get(redacted)).redactedLeaf();
        forged.set(redacted, forged.get(redacted).replace(leaf, "2".repeat(64)));
        Path f = Files.write(dir.resolve("leaf.jsonl"), forged, StandardCharsets.UTF_8);
        assertThat(TreeHead.read(out.resolve(TreeHead.FILE)).extendedBy(JournalFile.read(f)).ok()).isFalse();

        // an ordinary decision entry edited: its own hash fails
        forged = new ArrayList<>(lines);
        int approval = indexOf(lines, "\"action\":\"decision.approved\"");
        forged.set(approval, forged.get(approval).replace("\"ok\"", "\"nein\""));
        assertThat(verifyLines(forged).describe()).contains("its content was changed");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }

    private JournalVerifier.Result verifyLines(List<String> lines) throws Exception {
        Path f = Files.write(dir.resolve("forged.jsonl"), lines, StandardCharsets.UTF_8);
        return JournalFile.verify(f);
    }
}
