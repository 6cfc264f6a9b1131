package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords come from GRW_PASSWORD, else from a prompt; new passwords are typed twice. */
class PasswordInputTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private final List<String> prompts = new ArrayList<>();

    private CliRunner run(Map<String, String> env, List<String> typed, String... args) {
        Deque<String> answers = new ArrayDeque<>(typed);
        CliEnvironment environment = new CliEnvironment(env::get, prompt -> {
            prompts.add(prompt);
            return answers.isEmpty() ? null : answers.poll().toCharArray();
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return CliRunner.of(code, out.toString(), err.toString());
    }

    @Test
    void theFirstAdministratorsPasswordIsAskedForTwice() {
        String ws = dir.resolve("ws.grw").toString();
        CliRunner differ = run(Map.of(), List.of("Verwaltung-2026", "Verwaltung-2027"), "init", "--workspace", ws,
                "--user", "admin");
        assertThat(differ.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(differ.err).contains("the two passwords differ");
        assertThat(dir.resolve("ws.grw")).doesNotExist();

        prompts.clear();
        CliRunner created = run(Map.of(), List.of("Verwaltung-2026", "Verwaltung-2026"), "init", "--workspace", ws,
                "--user", "admin");
        assertThat(created.exitCode).as(created.all()).isZero();
        assertThat(prompts).containsExactly("New password for admin (at least 10 characters): ",
                "The same password again: ");

        prompts.clear();
        CliRunner listed = run(Map.of(), List.of("Verwaltung-2026"), "users", "list", "--workspace", ws, "--user",
                "admin");
        assertThat(listed.exitCode).as(listed.all()).isZero();
        assertThat(prompts).containsExactly("Password for admin: ");

        prompts.clear();
        CliRunner fromEnvironment = run(Map.of("GRW_PASSWORD", "Verwaltung-2026"), List.of("falsch"), "users", "list",
                "--workspace", ws, "--user", "admin");
        assertThat(fromEnvironment.exitCode).isZero();
        assertThat(prompts).isEmpty();

        CliRunner added = run(Map.of("GRW_PASSWORD", "Verwaltung-2026"), List.of("Sachbearbeitung-1",
                "Sachbearbeitung-1"), "users", "add", "anna", "--role", "clerk", "--workspace", ws, "--user", "admin");
        assertThat(added.exitCode).as(added.all()).isZero();
        assertThat(prompts).containsExactly("New password for anna (at least 10 characters): ",
                "The same password again: ");
        CliRunner anna = run(Map.of(), List.of("Sachbearbeitung-1"), "queue", "--workspace", ws, "--user", "anna");
        assertThat(anna.exitCode).as(anna.all()).isZero();
        assertThat(anna.out).contains("(no clusters)");
    }
}
