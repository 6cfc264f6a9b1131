package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.GoldenView;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A person under a blocking notice in one register stays masked for a clerk even where another register holds the
 * same person without the notice: shown side by side, the other record would reveal the name and address.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class BlockedMaskingTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void theRecordsShownWithABlockedRecordAreMaskedToo() throws Exception {
        Path melde = dir.resolve("melderegister.csv");
        Files.writeString(melde, """
                Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort;Auskunftssperre
                M1;Berghorst;Ines;12.11.1979;Max-Planck-Straße;7;64678;Lindenfels;ja
                M2;Schmidt;Anna;17.08.1985;Goethestr.;3;80331;München;
                M3;Yilmaz;Ayse;14.07.1990;Lindenweg;5;50667;Köln;
                """);
        Path sozial = dir.resolve("sozialamt.csv");
        Files.writeString(sozial, """
                Aktenzeichen;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort
                S1;Berghorst;Ines;12.11.1979;Max-Planck-Straße;7;64678;Lindenfels
                S2;Nowak;Piotr;30.09.1977;Am Markt;1;01067;Dresden
                """);
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            de.grw.workspace.TestWorkspaces.addAccount(users, admin, "anna", Role.CLERK, "Sachbearbeitung1");
            de.grw.workspace.TestWorkspaces.addAccount(users, admin, "bernd", Role.SUPERVISOR, "Vorgesetzter-1");
            Session anna = users.login("anna", "Sachbearbeitung1".toCharArray());
            Session bernd = users.login("bernd", "Vorgesetzter-1".toCharArray());
            WorkspaceImporter importer = new WorkspaceImporter(w);
            for (Path f : new Path[] {melde, sozial}) {
                importer.importFile(admin, f, MappingFile.NONE, null, null, ProgressListener.NONE,
                        CancellationToken.NONE);
            }
            new WorkspaceMatcher(w).run(anna, null, ProgressListener.NONE, CancellationToken.NONE);
            ReviewService review = new ReviewService(w);
            long cluster = review.queue(anna, null, 0).get(0).clusterId();
            int family = review.profile().fieldIndex("family_name");
            int street = review.profile().fieldIndex("street");

            ClusterView clerkView = review.show(anna, cluster, "AZ-1");
            assertThat(clerkView.members()).hasSize(2).allMatch(MemberRecord::masked);
            assertThat(clerkView.members()).extracting(m -> m.values().get(family)).containsOnly(RecordLoader.MASK);
            assertThat(clerkView.members()).extracting(m -> m.values().get(street)).containsOnly(RecordLoader.MASK);
            assertThat(clerkView.members()).flatExtracting(MemberRecord::cells).doesNotContain("Berghorst");
            assertThat(clerkView.members()).filteredOn(MemberRecord::blocked).hasSize(1);

            ClusterView supervisorView = review.show(bernd, cluster, "AZ-1");
            assertThat(supervisorView.members()).noneMatch(MemberRecord::masked);
            assertThat(supervisorView.members()).extracting(m -> m.values().get(family)).containsOnly("Berghorst");

            DecisionCommand merge = new MergeCommand(clerkView.members().stream().map(MemberRecord::id).toList(),
                    Map.of());
            long decision = review.propose(anna, cluster, merge, "", "AZ-1").id();
            review.approve(bernd, decision, "");
            String golden = "G-000001";
            GoldenView goldenForClerk = review.golden(anna, golden, "AZ-1");
            assertThat(goldenForClerk.members()).allMatch(MemberRecord::masked);
            assertThat(goldenForClerk.values()).filteredOn(v -> v.field().equals("family_name"))
                    .extracting(GoldenValue::value).containsOnly(RecordLoader.MASK);
        }
    }
}
