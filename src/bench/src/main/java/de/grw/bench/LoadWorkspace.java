package de.grw.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import de.grw.users.UserService;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceProfile;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace {@code server-load} runs against: a synthetic population of the three registers imported and
 * matched, with the accounts of the clerks ({@code clerk1..}), supervisors ({@code super1..}) and linking
 * applications ({@code linker1..}, role API), and a sample of its records for the linkers to link.
 */
final class LoadWorkspace {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadWorkspace() {
    }

    /**
     * Builds the workspace file; returns up to {@code sampleSize} of its records (profile field name to value, only
     * records with a family name) for linking.
     */
    static List<Map<String, String>> build(Path file, long records, int clerks, int supervisors, int linkers,
                                           int sampleSize, PrintWriter out) throws Exception {
        Path data = Files.createTempDirectory(file.getParent(), "data");
        long t = System.nanoTime();
        new PopulationGenerator().generate(GeneratorConfig.of(1, records, data));
        List<Map<String, String>> samples;
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            UserService users = new UserService(w);
            char[] password = LoadClients.PASSWORD.toCharArray();
            Session admin = users.createFirstAdministrator("admin", password);
            char[] oneTime = "Erstes-Kennwort-42".toCharArray();
            for (int i = 1; i <= clerks; i++) {
                // a one-time password from the administrator, then the holder sets their own
                users.addUser(admin, "clerk" + i, Role.CLERK, oneTime);
                users.setPassword(users.login("clerk" + i, oneTime), "clerk" + i, password);
            }
            for (int i = 1; i <= supervisors; i++) {
                users.addUser(admin, "super" + i, Role.SUPERVISOR, oneTime);
                users.setPassword(users.login("super" + i, oneTime), "super" + i, password);
            }
            for (int i = 1; i <= linkers; i++) {
                users.addUser(admin, "linker" + i, Role.API, password);
            }
            for (String name : List.of("melderegister", "sozialamt", "kfz_halter")) {
                new WorkspaceImporter(w).importFile(admin, data.resolve(name + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
            WorkspaceMatcher.Result r = new WorkspaceMatcher(w).run(admin, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            out.printf("built a workspace of %,d records with %,d clusters in %.0f s%n", r.records(), r.clusters(),
                    (System.nanoTime() - t) / 1e9);
            samples = linkers > 0 ? sample(w, sampleSize) : List.of();
        }
        deleteTree(data);
        return samples;
    }

    /** Records of the workspace spread over all of it (every n-th), as field name to value. */
    private static List<Map<String, String>> sample(Workspace w, int size) {
        List<String> fields = WorkspaceProfile.profile(w).fields().stream().map(f -> f.name()).toList();
        int family = fields.indexOf("family_name");
        return w.read(c -> {
            long count;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM records")) {
                rs.next();
                count = rs.getLong(1);
            }
            long step = Math.max(1, count / Math.max(1, size));
            List<Map<String, String>> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT values_json FROM records WHERE id % " + step + " = 0 ORDER BY id")) {
                while (rs.next() && out.size() < size) {
                    String[] values = JSON.readValue(rs.getString(1), String[].class);
                    if (family < 0 || values[family] == null || values[family].isBlank()) {
                        continue;
                    }
                    Map<String, String> record = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size() && i < values.length; i++) {
                        if (values[i] != null && !values[i].isBlank()) {
                            record.put(fields.get(i), values[i]);
                        }
                    }
                    out.add(record);
                }
            } catch (IOException e) {
                throw new IllegalStateException("a stored record is not readable: " + e.getMessage(), e);
            }
            return out;
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
