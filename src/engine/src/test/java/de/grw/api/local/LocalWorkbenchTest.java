package de.grw.api.local;

import static de.grw.workspace.TestWorkspaces.ADMIN;
import static de.grw.workspace.TestWorkspaces.ADMIN_PASSWORD;
import static de.grw.workspace.TestWorkspaces.CLERK;
import static de.grw.workspace.TestWorkspaces.CLERK2;
import static de.grw.workspace.TestWorkspaces.CLERK2_PASSWORD;
import static de.grw.workspace.TestWorkspaces.CLERK_PASSWORD;
import static de.grw.workspace.TestWorkspaces.SUPERVISOR;
import static de.grw.workspace.TestWorkspaces.SUPERVISOR2;
import static de.grw.workspace.TestWorkspaces.SUPERVISOR2_PASSWORD;
import static de.grw.workspace.TestWorkspaces.SUPERVISOR_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.api.FileImport;
import de.grw.api.SignedIn;
import de.grw.api.Upload;
import de.grw.api.WorkbenchInfo;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.review.DecisionState;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local implementation of the service interfaces, attacked as a user would: with the wrong role, after signing
 * out, with a disabled account, and by naming another user. The engine's rules must hold through the facade, and the
 * facade must add no way around them.
 */
class LocalWorkbenchTest {
    @TempDir
    Path dir;
    private Path file;
    private LocalWorkbench workbench;

    @BeforeEach
    void open() {
        file = TestWorkspaces.copyTo(dir);
        workbench = LocalWorkbench.open(file);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private SignedIn signIn(String user, String password) {
        return workbench.signIn(user, password.toCharArray());
    }

    /** The number of journal entries, read over a connection of its own. */
    private long journalEntries() {
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            return TestWorkspaces.count(w, "SELECT count(*) FROM journal");
        }
    }

    /** A clerk's merge proposal waiting for approval. */
    private DecisionView proposeMerge(SignedIn clerk) {
        QueueEntry q = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), 1).get(0);
        return clerk.review().propose(q.clusterId(), new MergeCommand(clerk.review().memberIds(q.clusterId()),
                Map.of()), "gleiche Person", "AZ-12/2026");
    }

    @Test
    void theInfoNamesTheLocalFileAndItsProfile() {
        WorkbenchInfo info = workbench.info();
        assertThat(info.kind()).isEqualTo(WorkbenchInfo.Kind.LOCAL);
        assertThat(info.name()).isEqualTo("ws.grw");
        assertThat(info.location()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(info.profile()).isEqualTo("person-de");
        assertThat(info.hasUsers()).isTrue();
    }

    @Test
    void aClerkCannotApproveOrRejectNorDoWhatTheRoleLacks() {
        DecisionView pending;
        try (SignedIn clerk = signIn(CLERK, CLERK_PASSWORD)) {
            pending = proposeMerge(clerk);
        }
        try (SignedIn otherClerk = signIn(CLERK2, CLERK2_PASSWORD)) {
            assertThat(otherClerk.may(Permission.APPROVE)).isFalse();
            long before = journalEntries();
            assertThatThrownBy(() -> otherClerk.approval().approve(pending.id(), "passt"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("approve merges");
            assertThatThrownBy(() -> otherClerk.approval().reject(pending.id(), "nein"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> otherClerk.users().list()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> otherClerk.users().add("mallory", Role.SUPERVISOR,
                    "Ganz-geheim-1".toCharArray())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> otherClerk.accessLog().query(null, null, 0))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> otherClerk.export().toFiles(new ExportOptions(ExportFormat.CSV, false, false,
                    "", dir.resolve("out")))).isInstanceOf(AccessDeniedException.class);
            assertThat(journalEntries()).as("nothing refused was journalled").isEqualTo(before);
            assertThat(otherClerk.review().decision(pending.id()).state()).isEqualTo(DecisionState.PENDING);
        }
    }

    @Test
    void aSupervisorCannotApproveTheirOwnMergeButAnotherCan() {
        DecisionView proposed;
        try (SignedIn supervisor = signIn(SUPERVISOR, SUPERVISOR_PASSWORD)) {
            proposed = proposeMerge(supervisor);
            assertThatThrownBy(() -> supervisor.approval().approve(proposed.id(), "selbst"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("four");
        }
        try (SignedIn other = signIn(SUPERVISOR2, SUPERVISOR2_PASSWORD)) {
            DecisionView approved = other.approval().approve(proposed.id(), "geprüft");
            assertThat(approved.state()).isEqualTo(DecisionState.EFFECTIVE);
            assertThat(approved.proposedBy()).isEqualTo(SUPERVISOR);
            assertThat(approved.reviewedBy()).isEqualTo(SUPERVISOR2);
            assertThat(other.review().goldenRecordOf(proposed.id())).isPresent();
        }
    }

    @Test
    void aDisabledAccountCannotSignInAndItsOpenSessionEndsAtItsNextCall() {
        SignedIn clerk = signIn(CLERK, CLERK_PASSWORD);
        assertThat(clerk.review().count(EnumSet.of(ClusterStatus.OPEN))).isPositive();
        try (SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD)) {
            admin.users().setDisabled(CLERK, true);
        }
        assertThatThrownBy(() -> signIn(CLERK, CLERK_PASSWORD)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(Text.of("users.disabled", CLERK).english());
        long before = journalEntries();
        assertThatThrownBy(() -> clerk.review().count(EnumSet.of(ClusterStatus.OPEN)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(Text.of("users.session_ended", CLERK).english());
        assertThatThrownBy(() -> proposeMerge(clerk)).isInstanceOf(AccessDeniedException.class);
        assertThat(journalEntries()).isEqualTo(before);

        try (SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD)) {
            admin.users().setDisabled(CLERK, false);
        }
        try (SignedIn again = signIn(CLERK, CLERK_PASSWORD)) {
            assertThat(again.review().count(EnumSet.of(ClusterStatus.OPEN))).isPositive();
        }
    }

    @Test
    void aRoleChangedInTheStoreEndsTheSessionInsteadOfLendingItTheOldRights() {
        SignedIn supervisor = signIn(SUPERVISOR, SUPERVISOR_PASSWORD);
        assertThat(supervisor.may(Permission.APPROVE)).isTrue();
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            w.write(c -> {
                try (var s = c.prepareStatement("UPDATE users SET role = 'CLERK' WHERE name = ?")) {
                    s.setString(1, SUPERVISOR);
                    return s.executeUpdate();
                }
            });
        }
        assertThatThrownBy(() -> supervisor.approval().pending()).isInstanceOf(AccessDeniedException.class)
                .hasMessage(Text.of("users.session_ended", SUPERVISOR).english());
        try (SignedIn again = signIn(SUPERVISOR, SUPERVISOR_PASSWORD)) {
            assertThat(again.role()).isEqualTo(Role.CLERK);
            assertThat(again.may(Permission.APPROVE)).isFalse();
        }
    }

    @Test
    void aSignInNeedsTheAccountsOwnPassword() {
        assertThatThrownBy(() -> signIn(CLERK, SUPERVISOR_PASSWORD)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(Text.of("users.wrong_login").english());
        assertThatThrownBy(() -> signIn(SUPERVISOR, CLERK_PASSWORD)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signIn("niemand", CLERK_PASSWORD)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(Text.of("users.wrong_login").english());
        assertThatThrownBy(() -> workbench.signIn(SUPERVISOR, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workbench.signIn(SUPERVISOR, new char[0])).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void namingAnotherUserLendsNoneOfTheirRights() {
        try (SignedIn clerk = signIn(CLERK, CLERK_PASSWORD)) {
            // the only user names the interfaces take are the accounts acted upon, judged by the signed-in role
            assertThatThrownBy(() -> clerk.users().setPassword(ADMIN, "Übernommen-2026".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> clerk.users().setDisabled(SUPERVISOR, true))
                    .isInstanceOf(AccessDeniedException.class);
            // a decision is always the signed-in user's
            DecisionView d = proposeMerge(clerk);
            assertThat(d.proposedBy()).isEqualTo(CLERK);
            // filtering the journal by another user's name reads, it does not act
            assertThat(clerk.journal().entries(SUPERVISOR, null, null, null))
                    .allSatisfy(e -> assertThat(e.user()).isEqualTo(SUPERVISOR));
        }
        try (SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD)) {
            assertThat(admin.user()).isEqualTo(ADMIN);
            assertThat(admin.users().list()).filteredOn(a -> a.name().equals(SUPERVISOR)).singleElement()
                    .satisfies(a -> assertThat(a.disabled()).isFalse());
        }
        signIn(ADMIN, ADMIN_PASSWORD).close(); // the administrator's password is unchanged
    }

    @Test
    void anUploadOfBytesImportsLikeTheFileAndANameWithAFolderIsRefused() throws Exception {
        Path csv = dir.resolve("zuzug.csv");
        Files.writeString(csv, "Familienname;Vornamen;Geburtsdatum;PLZ;Wohnort\n"
                + "Müller;Hans;03.04.1971;10115;Berlin\nMeyer;Anna;12.12.1980;80331;München\n");
        try (SignedIn clerk = signIn(CLERK, CLERK_PASSWORD)) {
            var result = clerk.imports().importFile(Upload.of("zuzug.csv", Files.readAllBytes(csv)),
                    FileImport.named(null), ProgressListener.NONE, CancellationToken.NONE);
            assertThat(result.source()).isEqualTo("zuzug");
            assertThat(result.imported().recordsImported()).isEqualTo(2);
            assertThat(clerk.review().sources()).contains("zuzug");
            // the same bytes as a file of this machine are the same content: refused
            assertThatThrownBy(() -> clerk.imports().importFile(Upload.of(csv), FileImport.named("zuzug2"),
                    ProgressListener.NONE, CancellationToken.NONE)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("zuzug");
        }
        for (String bad : List.of("../zuzug.csv", "/etc/passwd", "a\\b.csv", "..", " ", "zeile\n.csv")) {
            assertThatThrownBy(() -> Upload.of(bad, new byte[0])).as(bad).isInstanceOf(UserFacingException.class);
        }
    }

    @Test
    void closingTheWorkbenchEndsItsSessions() {
        SignedIn clerk = signIn(CLERK, CLERK_PASSWORD);
        workbench.close();
        assertThatThrownBy(clerk::user).isInstanceOf(AccessDeniedException.class)
                .hasMessage(Text.of("users.signed_out").english());
        assertThatThrownBy(() -> signIn(CLERK, CLERK_PASSWORD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewWorkspaceWithAWeakPasswordIsNotCreatedAndOneThatExistsIsLeftAlone() throws Exception {
        Path fresh = dir.resolve("neu.grw");
        assertThatThrownBy(() -> LocalWorkbench.create(fresh, "person-de", "admin", "kurz".toCharArray()))
                .isInstanceOf(UserFacingException.class);
        assertThat(fresh).doesNotExist();
        assertThatThrownBy(() -> LocalWorkbench.create(fresh, "person-de", "a", "Verwaltung-2026".toCharArray()))
                .isInstanceOf(UserFacingException.class);
        assertThat(fresh).as("removed again when the account cannot be created").doesNotExist();
        long size = Files.size(file);
        assertThatThrownBy(() -> LocalWorkbench.create(file, "person-de", "admin", "Verwaltung-2026".toCharArray()))
                .isInstanceOf(UserFacingException.class);
        assertThat(Files.size(file)).isEqualTo(size);
        try (LocalWorkbench created = LocalWorkbench.create(fresh, "person-de", "chefin",
                "Verwaltung-2026".toCharArray()); SignedIn admin = created.signIn("chefin",
                "Verwaltung-2026".toCharArray())) {
            assertThat(admin.role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(created.info().hasUsers()).isTrue();
        }
    }
}
