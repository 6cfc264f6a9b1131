package de.grw.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.journal.JournalEntry;
import de.grw.review.FieldChoice;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a value a supervisor typed for the golden record of a blocked person does not reach a clerk through the
 * journal; the supervisor, who may see blocked records, reads it; the stored journal still verifies.
 */
class JournalMaskingTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void aTypedValueOfABlockedPersonIsMaskedInTheJournalAClerkReads() throws Exception {
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
        Path file = dir.resolve("ws.grw");
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            for (Path f : List.of(melde, sozial)) {
                new WorkspaceImporter(w).importFile(admin, f, MappingFile.NONE, null, null, ProgressListener.NONE,
                        CancellationToken.NONE);
            }
            Session bernd = new UserService(w).login(TestWorkspaces.SUPERVISOR,
                    TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
            new WorkspaceMatcher(w).run(bernd, null, ProgressListener.NONE, CancellationToken.NONE);
            ReviewService review = new ReviewService(w);
            long cluster = review.queue(bernd, null, 0).get(0).clusterId();
            review.propose(bernd, cluster, new MergeCommand(TestWorkspaces.members(w, cluster),
                    Map.of("family_name", new FieldChoice.Manual("Berghorst-Geheim"))), "", "AZ-1");
        }
        try (LocalWorkbench wb = LocalWorkbench.open(file)) {
            SignedIn anna = wb.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            List<JournalEntry> forClerk = anna.journal().entries(null, null, null, null);
            assertThat(forClerk).extracting(JournalEntry::payload).noneMatch(p -> p.contains("Berghorst-Geheim"))
                    .anyMatch(p -> p.contains("\"family_name\":{\"value\":\"***\"}"));
            SignedIn bernd = wb.signIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
            assertThat(bernd.journal().entries(null, null, null, null)).extracting(JournalEntry::payload)
                    .anyMatch(p -> p.contains("Berghorst-Geheim"));
            assertThat(anna.journal().verify().ok()).isTrue();
        }
    }
}
