package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.MappingFile;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A merge is checked against its cluster when it is proposed, not only when a supervisor approves it. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class MergeProposalCheckTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void aMergeOfRecordsOutsideTheClusterIsRefusedWhenProposed() throws Exception {
        Path csv = dir.resolve("liste.csv");
        Files.writeString(csv, """
                Kennung;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort
                A1;Müller;Hans-Peter;03.04.1971;Hauptstraße;12a;10115;Berlin
                A2;Mueller;Hans Peter;03.04.1971;Hauptstr.;12 a;10115;Berlin
                A3;Przybyszewski;Jan;01.02.1960;Am Markt;1;01067;Dresden
                A4;Przybyszewski;Jan;01.02.1960;Am Markt;1;01067;Dresden
                A5;Schmidt;Anna;17.08.1985;Goethestr.;3;80331;München
                A6;Yilmaz;Ayse;14.07.1990;Lindenweg;5;50667;Köln
                """);
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            de.grw.workspace.TestWorkspaces.addAccount(users, admin, "anna", Role.CLERK, "Sachbearbeitung1");
            Session anna = users.login("anna", "Sachbearbeitung1".toCharArray());
            new WorkspaceImporter(w).importFile(admin, csv, MappingFile.NONE, null, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            new WorkspaceMatcher(w).run(anna, null, ProgressListener.NONE, CancellationToken.NONE);
            ReviewService review = new ReviewService(w);
            List<QueueEntry> queue = review.queue(anna, null, 0);
            assertThat(queue).hasSize(2);
            long cluster = queue.get(0).clusterId();
            List<Long> members = review.show(anna, cluster, "AZ-1").members().stream().map(MemberRecord::id).toList();
            long outsider = review.show(anna, queue.get(1).clusterId(), "AZ-1").members().get(0).id();

            assertThatThrownBy(() -> review.propose(anna, cluster, new MergeCommand(List.of(members.get(0),
                    outsider), Map.of()), "", "AZ-1"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("is not a member of cluster");
            assertThatThrownBy(() -> review.propose(anna, cluster, new MergeCommand(members,
                    Map.of("family_name", new FieldChoice.FromRecord(outsider))), "", "AZ-1"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("not among the records merged");
            assertThat(review.pendingApprovals(anna)).isEmpty();
        }
    }
}
