package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.grw.api.AccessEntry;
import de.grw.api.Account;
import de.grw.api.FileImport;
import de.grw.api.ImportResult;
import de.grw.api.MatchRun;
import de.grw.api.SignedIn;
import de.grw.api.Upload;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalFile;
import de.grw.review.DecisionKind;
import de.grw.review.DecisionState;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operations the server added for the governance commands, through {@link RemoteWorkbench}: reading decisions
 * and a golden record, revert and rejection (four eyes), journal entries and the access log with their rights,
 * accounts (administrators only; a disabled account is out at once), an upload import, a match run and an export
 * streamed into a folder of the client. Each checks what the store holds afterwards.
 */
class RemoteOperationsTest extends RemotePerTest {
    private SignedIn signIn(String user, String password) {
        return w.signIn(user, password.toCharArray());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = s.sql(); ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    /** A clerk's merge of the first open cluster, pending. */
    private DecisionView proposeMerge(SignedIn clerk, int position, String caseRef) {
        long cluster = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), position + 1).get(position).clusterId();
        List<Long> members = clerk.review().show(cluster, caseRef).members().stream().map(MemberRecord::id).toList();
        return clerk.review().propose(cluster, new MergeCommand(members, Map.of()), "gleiche Person", caseRef);
    }

    @Test
    void decisionsRevertRejectionAndAGoldenRecordThroughTheServer() throws SQLException {
        SignedIn anna = signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        SignedIn bernd = signIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        assertThat(anna.review().sources()).containsExactlyElementsOf(TestWorkspaces.SAMPLES);

        DecisionView first = proposeMerge(anna, 0, "AZ-OPS-1");
        DecisionView second = proposeMerge(anna, 0, "AZ-OPS-2");
        assertThat(anna.review().decisions()).extracting(DecisionView::id).startsWith(second.id(), first.id());
        assertThat(anna.review().decision(first.id()).state()).isEqualTo(DecisionState.PENDING);

        // the clerk may not reject; the supervisor rejects the second with a note
        AccessDeniedException clerkRejects = catchThrowableOfType(
                () -> anna.approval().reject(second.id(), "nein"), AccessDeniedException.class);
        assertThat(clerkRejects.text().key()).isEqualTo("access.denied");
        assertThat(anna.review().decision(second.id()).state()).isEqualTo(DecisionState.PENDING);
        DecisionView rejected = bernd.approval().reject(second.id(), "Geburtsdaten weichen ab");
        assertThat(rejected.state()).isEqualTo(DecisionState.REJECTED);
        assertThat(rejected.reviewedBy()).isEqualTo("bernd");
        assertThat(count("SELECT COUNT(*) FROM decisions WHERE id = " + second.id() + " AND state = 'REJECTED'"))
                .isEqualTo(1);

        // the first is approved; its golden record is shown only with a case reference, and logged
        bernd.approval().approve(first.id(), "geprüft");
        String golden = anna.review().goldenRecordOf(first.id()).orElseThrow();
        UserFacingException noCase = catchThrowableOfType(() -> anna.review().golden(golden, " "),
                UserFacingException.class);
        assertThat(noCase.text().key()).isEqualTo("server.case_required");
        GoldenView g = anna.review().golden(golden, "AZ-OPS-3");
        assertThat(g.id()).isEqualTo(golden);
        assertThat(g.members()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE user_name = 'anna' AND case_ref = 'AZ-OPS-3'"))
                .isEqualTo(1);
        UserFacingException noGolden = catchThrowableOfType(() -> anna.review().golden("G-999999", "AZ-OPS-3"),
                UserFacingException.class);
        assertThat(noGolden.text().key()).isEqualTo("review.no_golden");

        // an approved merge is reverted by a supervisor only, as a new decision
        AccessDeniedException clerkReverts = catchThrowableOfType(
                () -> anna.review().revert(first.id(), "falsch", "AZ-OPS-4"), AccessDeniedException.class);
        assertThat(clerkReverts).isNotNull();
        DecisionView revert = bernd.review().revert(first.id(), "doch zwei Personen", "AZ-OPS-4");
        assertThat(revert.kind()).isEqualTo(DecisionKind.REVERT);
        assertThat(revert.reverts()).isEqualTo(first.id());
        assertThat(bernd.review().decision(first.id()).state()).isEqualTo(DecisionState.REVERTED);
        assertThat(anna.journal().verify().ok()).isTrue();
    }

    @Test
    void journalAndAccessLogAreReadWithTheirRights() {
        SignedIn anna = signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        DecisionView d = proposeMerge(anna, 0, "AZ-LOG-1");
        SignedIn bernd = signIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);

        List<JournalEntry> mine = bernd.journal().entries("anna", null, null, null);
        assertThat(mine).isNotEmpty().allSatisfy(e -> assertThat(e.user()).isEqualTo("anna"));
        assertThat(mine).anySatisfy(e -> assertThat(e.payload()).contains(Long.toString(d.id())));
        List<JournalEntry> all = bernd.journal().entries(null, null, null, null);
        assertThat(all.size()).isGreaterThan(mine.size());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).prev()).isEqualTo(all.get(i - 1).hash());
        }

        List<AccessEntry> log = bernd.accessLog().query(null, "anna", 0);
        assertThat(log).anySatisfy(e -> assertThat(e.caseRef()).isEqualTo("AZ-LOG-1"));
        assertThat(bernd.accessLog().query(null, null, 1)).hasSize(1);
        AccessDeniedException clerk = catchThrowableOfType(() -> anna.accessLog().query(null, null, 0),
                AccessDeniedException.class);
        assertThat(clerk.text().key()).isEqualTo("access.denied");
    }

    @Test
    void accountsAreManagedByAdministratorsOnlyAndADisabledAccountIsOutAtOnce() throws SQLException {
        SignedIn anna = signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        AccessDeniedException clerkLists = catchThrowableOfType(() -> anna.users().list(),
                AccessDeniedException.class);
        assertThat(clerkLists).isNotNull();
        AccessDeniedException clerkAdds = catchThrowableOfType(
                () -> anna.users().add("mallory", Role.ADMINISTRATOR, "Geheim-Geheim-1".toCharArray()),
                AccessDeniedException.class);
        assertThat(clerkAdds).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM users WHERE name = 'mallory'")).isZero();

        SignedIn admin = signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        admin.users().add("emil", Role.CLERK, "Sachbearbeitung3".toCharArray());
        assertThat(admin.users().list()).extracting(Account::name).contains("emil", "anna", "bernd");
        // over the server's JSON: the person and whether the password is still the administrator's one-time one
        Account listed = admin.users().list().stream().filter(a -> a.name().equals("emil")).findFirst().orElseThrow();
        assertThat(listed.oneTimePassword()).isTrue();
        assertThat(listed.person()).isNotBlank();
        assertThat(admin.users().list().stream().filter(a -> a.name().equals(TestWorkspaces.CLERK)).findFirst()
                .orElseThrow().oneTimePassword()).isFalse();
        assertThat(anna.users().mustChangeOwnPassword()).isFalse();
        UserFacingException twice = catchThrowableOfType(
                () -> admin.users().add("emil", Role.CLERK, "Sachbearbeitung3".toCharArray()),
                UserFacingException.class);
        assertThat(twice.text().key()).isEqualTo("users.exists");

        SignedIn emil = signIn("emil", "Sachbearbeitung3");
        assertThat(emil.review().sources()).isNotEmpty();
        admin.users().setDisabled("emil", true);
        AccessDeniedException out = catchThrowableOfType(() -> emil.review().sources(),
                AccessDeniedException.class);
        assertThat(out).isNotNull();
        assertThat(catchThrowableOfType(() -> signIn("emil", "Sachbearbeitung3"), AccessDeniedException.class))
                .isNotNull();
        admin.users().setDisabled("emil", false);

        // everyone sets their own password; the old one no longer signs in
        anna.users().setPassword("anna", "Neues-Passwort-1".toCharArray());
        assertThat(catchThrowableOfType(() -> signIn("anna", TestWorkspaces.CLERK_PASSWORD),
                AccessDeniedException.class)).isNotNull();
        assertThat(signIn("anna", "Neues-Passwort-1").user()).isEqualTo("anna");
        AccessDeniedException othersPassword = catchThrowableOfType(
                () -> emil.users().setPassword("bernd", "Uebernommen-123".toCharArray()), AccessDeniedException.class);
        assertThat(othersPassword).isNotNull();
    }

    @Test
    void anUploadedFileIsImportedAndMatchedOnTheServer() throws Exception {
        SignedIn anna = signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        String csv = "halter_nr,nachname,vorname,geburtsdatum,strasse,hausnr,plz,ort\n"
                + "9000001,Mooslinger,Sebastian,1986-01-31,Münchener Straße,64,81770,München\n"
                + "9000002,Mohammad,Dana Samira,2016-04-09,Veilchenweg,7,67551,Worms\n";
        long recordsBefore = count("SELECT COUNT(*) FROM records");
        ImportResult r = anna.imports().importFile(Upload.of("zulassung.csv", csv.getBytes(StandardCharsets.UTF_8)),
                FileImport.named("zulassung"), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.source()).isEqualTo("zulassung");
        assertThat(r.imported().recordsImported()).isEqualTo(2);
        assertThat(r.imported().file()).isEqualTo(Path.of("zulassung.csv"));
        assertThat(count("SELECT COUNT(*) FROM records")).isEqualTo(recordsBefore + 2);
        assertThat(anna.review().sources()).contains("zulassung");
        assertThat(anna.imports().problems(r.sourceId(), 0)).isEmpty();

        // the same bytes again: refused by the engine's guard, nothing stored
        UserFacingException again = catchThrowableOfType(() -> anna.imports().importFile(
                Upload.of("zulassung2.csv", csv.getBytes(StandardCharsets.UTF_8)), FileImport.named("zulassung2"),
                ProgressListener.NONE, CancellationToken.NONE), UserFacingException.class);
        assertThat(again.text().key()).isEqualTo("workspace.same_file");
        assertThat(count("SELECT COUNT(*) FROM records")).isEqualTo(recordsBefore + 2);

        MatchRun run = anna.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(run.records()).isEqualTo((int) (recordsBefore + 2));
        assertThat(anna.matching().weakestLinks(run.runId())).hasSize(run.clusters());
        de.grw.api.ThresholdFigures figures = anna.matching().thresholdFigures(run.runId());
        assertThat(figures.runId()).isEqualTo(run.runId());
        assertThat(figures.threshold()).isEqualTo(run.threshold());
        assertThat(figures.bins()).isNotEmpty();
        assertThat(figures.nearest(run.threshold()).threshold()).isEqualTo(run.threshold());
        assertThat(figures.nearest(run.threshold()).clusters()).isPositive();
        assertThat(figures.pairs()).isEqualTo(run.candidatePairs());
        assertThat(count("SELECT COUNT(*) FROM match_runs WHERE id = " + run.runId())).isEqualTo(1);
    }

    @Test
    void anExportIsStreamedIntoTheClientsFolderAndLogged() throws Exception {
        SignedIn anna = signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        SignedIn bernd = signIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        bernd.approval().approve(proposeMerge(anna, 0, "AZ-EXP-1").id(), "geprüft");

        Path out = dir.resolve("client-export");
        ExportResult r = bernd.export().toFiles(new ExportOptions(ExportFormat.CSV, false, false, "AZ-EXP-2", out));
        assertThat(r.goldenRecords()).isGreaterThanOrEqualTo(1);
        assertThat(r.files()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getParent()).isEqualTo(out);
            assertThat(f).isRegularFile();
        });
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    r.files().stream().map(p -> p.getFileName().toString()).toList());
        }
        assertThat(Files.readString(out.resolve("golden_records.csv"))).contains("G-");
        var verified = JournalFile.verify(out.resolve("journal.jsonl"));
        assertThat(verified.ok()).isTrue();
        assertThat(verified.headHash()).isEqualTo(r.journalHead());
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE user_name = 'bernd' AND action = 'EXPORT'"))
                .isEqualTo(1);

        // a folder holding other files is refused before the server exports anything
        Path busy = dir.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("brief.txt"), "privat");
        UserFacingException refused = catchThrowableOfType(() -> bernd.export().toFiles(
                new ExportOptions(ExportFormat.CSV, false, false, null, busy)), UserFacingException.class);
        assertThat(refused.text().key()).isEqualTo("export.target_not_empty");
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'EXPORT'")).isEqualTo(1);

        // a clerk may not export: refused, nothing written, nothing logged
        Path clerkOut = dir.resolve("clerk-export");
        AccessDeniedException denied = catchThrowableOfType(() -> anna.export().toFiles(
                new ExportOptions(ExportFormat.CSV, false, false, null, clerkOut)), AccessDeniedException.class);
        assertThat(denied.text().key()).isEqualTo("access.denied");
        if (Files.exists(clerkOut)) {
            try (Stream<Path> files = Files.list(clerkOut)) {
                assertThat(files).isEmpty();
            }
        }
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'EXPORT'")).isEqualTo(1);
    }
}
