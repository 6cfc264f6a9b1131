package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalEntry;
import de.grw.journal.JournalFile;
import de.grw.ledger.Ledger;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on the command line: with a ledger home set, {@code verify} reports the ledger's check; an export
 * writes a signed tree head; {@code verify --journal --head --key} proves on any machine that a later export extends
 * a kept head, and fails (exit 1, naming why) for a rewritten journal, a head of another key and a store edited past
 * the workbench, whose next write is refused.
 */
class LedgerCliTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private Path ws;
    private Path home;

    @BeforeEach
    void ledgerHome() {
        ws = TestWorkspaces.copyTo(dir);
        home = dir.resolve("ledger-home");
        System.setProperty(Ledger.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void noLedger() {
        System.clearProperty(Ledger.HOME_PROPERTY);
    }

    private CliRunner as(String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", ws.toString(), "--user", user));
        CliRunner r = CliRunner.run(Map.of("GRW_PASSWORD", password), all.toArray(new String[0]));
        assertThat(r.all()).doesNotContain("Exception", "\tat ");
        return r;
    }

    private CliRunner anna(String... args) {
        return as(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, args);
    }

    private CliRunner bernd(String... args) {
        return as(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, args);
    }

    private static CliRunner ok(CliRunner r) {
        assertThat(r.exitCode).as(r.all()).isZero();
        return r;
    }

    private List<String> clusters(int n) {
        List<String> lines = ok(anna("queue", "--limit", String.valueOf(n))).out.lines().toList();
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\\s+")[0]).toList();
    }

    private void defer(String cluster) {
        ok(anna("decide", "--cluster", cluster, "--case", "AZ-1", "--comment", "Rückfrage", "--defer"));
    }

    @Test
    void signedHeadsProveAGrowingJournalAndEditsAreNamed() throws Exception {
        List<String> clusters = clusters(4);
        defer(clusters.get(0));
        CliRunner verified = ok(anna("verify"));
        assertThat(verified.out).contains("journal intact", "ledger ", "signed by key", "the store matches");

        Path first = dir.resolve("export-1");
        ok(bernd("export", "--out", first.toString(), "--case", "AZ-EX"));
        Path head = first.resolve("journal.treehead.json");
        assertThat(Files.readString(head)).contains("\"sig\"", "\"public_key\"", "\"root\"");
        Path key = home.resolve("ledger.pub");
        CliRunner same = ok(CliRunner.run("verify", "--journal", first.resolve("journal.jsonl").toString(),
                "--head", head.toString(), "--key", key.toString()));
        assertThat(same.out).contains("consistency proof of 0 hashes", "(the given key)");

        defer(clusters.get(1));
        defer(clusters.get(2));
        Path second = dir.resolve("export-2");
        ok(bernd("export", "--out", second.toString(), "--case", "AZ-EX"));
        Path journal = second.resolve("journal.jsonl");
        CliRunner grown = ok(CliRunner.run("verify", "--journal", journal.toString(), "--head", head.toString(),
                "--key", key.toString()));
        assertThat(grown.out).contains("extends the kept head of", "proved by a consistency proof of");

        Path otherKey = dir.resolve("other.pub");
        Files.writeString(otherKey, java.util.Base64.getEncoder().encodeToString(java.security.KeyPairGenerator
                .getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));
        CliRunner wrongKey = CliRunner.run("verify", "--journal", journal.toString(), "--head", head.toString(),
                "--key", otherKey.toString());
        assertThat(wrongKey.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(wrongKey.err).contains("is not signed by the key");

        // the journal rewritten from entry 2 on, chain recomputed: intact as a chain, but not an extension
        List<JournalEntry> entries = JournalFile.read(journal);
        List<String> forged = new ArrayList<>();
        String prev = de.grw.journal.Journal.GENESIS;
        for (JournalEntry e : entries) {
            String payload = e.seq() == 2 ? e.payload().replace("}", ",\"x\":1}") : e.payload();
            JournalEntry draft = new JournalEntry(e.seq(), e.at(), e.user(), e.action(), payload, prev, "");
            JournalEntry sealed = new JournalEntry(e.seq(), e.at(), e.user(), e.action(), payload, prev,
                    draft.computeHash());
            forged.add(sealed.toJsonLine());
            prev = sealed.hash();
        }
        Path rewritten = dir.resolve("rewritten.jsonl");
        Files.write(rewritten, forged);
        ok(CliRunner.run("verify", "--journal", rewritten.toString()));
        CliRunner caught = CliRunner.run("verify", "--journal", rewritten.toString(), "--head", head.toString());
        assertThat(caught.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(caught.err).contains("does not extend the kept head");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws); Statement s = c.createStatement()) {
            // (the driver counts the rows the ledger's change-log triggers wrote as well)
            assertThat(s.executeUpdate("UPDATE users SET role = 'SUPERVISOR' WHERE name = 'dora'")).isPositive();
        }
        CliRunner tampered = anna("verify");
        assertThat(tampered.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(tampered.err).contains("table users differs", "users row [name=dora] changed");
        CliRunner refused = anna("decide", "--cluster", clusters.get(3), "--case", "AZ-1", "--comment", "x",
                "--defer");
        assertThat(refused.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(refused.err).contains("the ledger refuses to write", "table users differs");
    }
}
