package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grw model list|show|train|activate|revert} on the sample workspace: the trainer cannot activate their own
 * version and a clerk none, another supervisor can, a supervisor goes back; {@code grw verify} says so when the
 * active version is flipped in the file past the workbench.
 */
class ModelCliTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String PW = "Beispiel-2026";
    private static final String CARLA_PW = "Vorgesetzte-Zwei-2";

    @TempDir
    Path dir;

    private Path ws;

    private CliRunner as(String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", ws.toString(), "--user", user));
        CliRunner r = CliRunner.run(Map.of("GRW_PASSWORD", password, "NEW_PW", CARLA_PW), all.toArray(new String[0]));
        assertThat(r.all()).doesNotContain("Exception", "\tat ");
        return r;
    }

    private static CliRunner ok(CliRunner r) {
        assertThat(r.exitCode).as(r.all()).isZero();
        return r;
    }

    @Test
    void aSupervisorActivatesAnotherOnesVersionAndGoesBack() throws Exception {
        ws = dir.resolve("sample.grw");
        ok(CliRunner.run("sample-workspace", "--out", ws.toString()));
        ok(CliRunner.run(Map.of("GRW_PASSWORD", PW, "NEW_PW", "Erstes-Kennwort-42"), "users", "add", "carla",
                "--role", "supervisor", "--person", "P-4711", "--new-password-env", "NEW_PW", "--workspace",
                ws.toString(), "--user", "admin"));
        ok(CliRunner.run(Map.of("GRW_PASSWORD", "Erstes-Kennwort-42", "NEW_PW", CARLA_PW), "users", "passwd",
                "carla", "--new-password-env", "NEW_PW", "--workspace", ws.toString(), "--user", "carla"));

        String list = ok(as("sachbearbeitung", PW, "model", "list")).out;
        assertThat(list.lines().toList().get(0)).contains("version", "state", "trained", "by", "decisions", "F1");
        assertThat(list.lines().toList().get(1)).matches("1\\s+active\\s+.*");

        CliRunner trained = ok(as("vorgesetzte", PW, "model", "train", "--quiet"));
        assertThat(trained.out).contains("version 2 waits for a supervisor other than vorgesetzte",
                "grw model activate 2");
        CliRunner own = as("vorgesetzte", PW, "model", "activate", "2");
        assertThat(own.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(own.err).contains("four-eyes principle: vorgesetzte may not activate model version 2");
        CliRunner clerk = as("sachbearbeitung", PW, "model", "activate", "2");
        assertThat(clerk.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(clerk.err).contains("access denied", "activate a model version");

        assertThat(ok(as("carla", CARLA_PW, "model", "activate", "2", "--comment", "geprüft")).out)
                .contains("model version 2 (trained by vorgesetzte) is active");
        assertThat(ok(as("sachbearbeitung", PW, "match", "-q")).out).contains("model: active version 2; all pairs scored again");
        CliRunner show = ok(as("carla", CARLA_PW, "model", "show", "2"));
        // trained by the learning (issue 15 wiring): the decisions in effect of the sample workspace taught it
        assertThat(show.out).contains("activated:", "by carla", "SHA-256", "em+labels", "decisions used: [")
                .doesNotContain("decisions used: none");

        assertThat(ok(as("vorgesetzte", PW, "model", "revert", "1", "--comment", "zurück")).out)
                .contains("model version 1 is active again");
        List<String> rows = ok(as("sachbearbeitung", PW, "model", "list")).out.lines().toList();
        assertThat(rows.get(1)).matches("2\\s+earlier\\s+.*vorgesetzte.*");
        assertThat(rows.get(2)).matches("1\\s+active\\s+.*");
        assertThat(ok(as("sachbearbeitung", PW, "verify")).out).startsWith("journal intact: ");

        // the owner of the file flips the active version past the workbench: verify says so
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO model_activations(version, activated_at, activated_by, kind, previous) "
                    + "VALUES (2, '2026-12-06T23:00:00Z', 'vorgesetzte', 'activate', 1)");
        }
        CliRunner verify = as("sachbearbeitung", PW, "verify");
        assertThat(verify.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(verify.all()).contains("model activations differ from the journal",
                "the active model version is 2, the journal says 1");
    }
}
