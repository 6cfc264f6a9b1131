package de.grw.review;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workspace of eight people found in two registers (eight clusters of two), one under a blocking notice, with a
 * clerk (anna), a second clerk (carl), two supervisors (bernd, dora) and an API account (fachverfahren).
 */
final class BulkFixture {
    final Session admin;
    final Session anna;
    final Session carl;
    final Session bernd;
    final Session dora;
    final Session api;
    final ReviewService review;

    BulkFixture(Workspace w, Path dir) throws Exception {
        Path melde = dir.resolve("melderegister.csv");
        Files.writeString(melde, """
                Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort;Auskunftssperre
                M1;Berghorst;Ines;12.11.1979;Max-Planck-Straße;7;64678;Lindenfels;ja
                M2;Schmidt;Anna;17.08.1985;Goethestr.;3;80331;München;
                M3;Yilmaz;Ayse;14.07.1990;Lindenweg;5;50667;Köln;
                M4;Nowak;Piotr;30.09.1977;Am Markt;1;01067;Dresden;
                M5;Keller;Jonas;02.02.1966;Burgweg;12;53111;Bonn;
                M6;Hoffmann;Lena;21.03.1994;Bahnhofstraße;8;70173;Stuttgart;
                M7;Wagner;Tim;11.11.2001;Rosenweg;4;20095;Hamburg;
                M8;Becker;Olga;05.05.1959;Kirchplatz;2;04109;Leipzig;
                """);
        Path sozial = dir.resolve("sozialamt.csv");
        Files.writeString(sozial, """
                Aktenzeichen;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort
                S1;Berghorst;Ines;12.11.1979;Max-Planck-Straße;7;64678;Lindenfels
                S2;Schmidt;Anna;17.08.1985;Goethestraße;3;80331;München
                S3;Yilmaz;Ayşe;14.07.1990;Lindenweg;5;50667;Koeln
                S4;Nowak;Piotr;30.09.1977;Am Markt;1;01067;Dresden
                S5;Keller;Jonas;02.02.1966;Burgweg;12;53111;Bonn
                S6;Hoffmann;Lena;21.03.1994;Bahnhofstr.;8;70173;Stuttgart
                S7;Wagner;Tim;11.11.2001;Rosenweg;4;20095;Hamburg
                S8;Becker;Olga;05.05.1959;Kirchplatz;2;04109;Leipzig
                """);
        UserService users = new UserService(w);
        admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
        de.grw.workspace.TestWorkspaces.addAccount(users, admin, "anna", Role.CLERK, "Sachbearbeitung1");
        de.grw.workspace.TestWorkspaces.addAccount(users, admin, "carl", Role.CLERK, "Sachbearbeitung2");
        de.grw.workspace.TestWorkspaces.addAccount(users, admin, "bernd", Role.SUPERVISOR, "Vorgesetzter-1");
        de.grw.workspace.TestWorkspaces.addAccount(users, admin, "dora", Role.SUPERVISOR, "Vorgesetzte-22");
        users.addUser(admin, "fachverfahren", Role.API, "Schnittstelle-1".toCharArray());
        anna = users.login("anna", "Sachbearbeitung1".toCharArray());
        carl = users.login("carl", "Sachbearbeitung2".toCharArray());
        bernd = users.login("bernd", "Vorgesetzter-1".toCharArray());
        dora = users.login("dora", "Vorgesetzte-22".toCharArray());
        api = users.login("fachverfahren", "Schnittstelle-1".toCharArray());
        WorkspaceImporter importer = new WorkspaceImporter(w);
        for (Path f : new Path[] {melde, sozial}) {
            importer.importFile(admin, f, MappingFile.NONE, null, null, ProgressListener.NONE,
                    CancellationToken.NONE);
        }
        new WorkspaceMatcher(w).run(anna, null, ProgressListener.NONE, CancellationToken.NONE);
        review = new ReviewService(w);
    }
}
