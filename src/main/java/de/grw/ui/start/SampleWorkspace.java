package de.grw.ui.start;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.users.Role;
import de.grw.users.Session;
import de.grw.users.UserService;
import de.grw.workspace.Workspace;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

/**
 * The sample workspace a new user can open at once: built from the bundled samples (a Melderegister, a Sozialamt and
 * a Kfz register extract), with three demo accounts, matched and ready to review.
 */
public final class SampleWorkspace {
    /** Demo accounts: name and password (shown on the start screen; for the sample only). */
    public static final String ADMIN = "admin";
    public static final String CLERK = "sachbearbeitung";
    public static final String SUPERVISOR = "vorgesetzte";
    public static final String PASSWORD = "Beispiel-2026";
    static final List<String> FILES = List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv");

    private SampleWorkspace() {
    }

    /** Builds the sample workspace at {@code file} (replacing an existing one) and returns it open. */
    public static Workspace build(Path file, ProgressListener progress, CancellationToken cancel) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        Path tmp = Files.createTempDirectory("grw-samples");
        try {
            Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de");
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator(ADMIN, PASSWORD.toCharArray());
            users.addUser(admin, CLERK, Role.CLERK, PASSWORD.toCharArray());
            users.addUser(admin, SUPERVISOR, Role.SUPERVISOR, PASSWORD.toCharArray());
            WorkspaceImporter importer = new WorkspaceImporter(w);
            for (String name : FILES) {
                Path copy = tmp.resolve(name);
                try (InputStream in = SampleWorkspace.class.getResourceAsStream("/samples/" + name)) {
                    if (in == null) {
                        throw new IOException("the sample " + name + " is missing from the application");
                    }
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                importer.importFile(admin, copy, MappingFile.NONE, null, null, progress, cancel);
            }
            new WorkspaceMatcher(w).run(admin, null, progress, cancel);
            return w;
        } finally {
            for (String name : FILES) {
                Files.deleteIfExists(tmp.resolve(name));
            }
            Files.deleteIfExists(tmp);
        }
    }
}
