package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.store.Settings;
import de.grw.store.Workspace;
import de.grw.store.WriteGuard;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's ledger: signed checkpoints of its governance state, kept outside the store. Opt-in: with
 * {@value #HOME_VARIABLE} (or the system property {@value #HOME_PROPERTY}) naming a directory, every write
 * transaction of the workspace
 * <ol>
 * <li>first compares the store with the last checkpoint, and refuses the write when it differs (an edit past the
 * workbench is never sealed into a later checkpoint),</li>
 * <li>then, before its commit, appends a checkpoint of the state it leaves to the anchor ({@link StateDigest}: a
 * digest of each governance table, the journal's length and head), signed with the ledger's Ed25519 key, and after
 * the commit a signed mark that it committed.</li>
 * </ol>
 * {@link #check} (run by {@code verify}) checks every line of the anchor (numbers, chain, signatures by the key in
 * the ledger's home) and names each table that differs from the last committed checkpoint. A checkpoint written by
 * a transaction that did not commit (a crash between the two) leaves the state of the checkpoint before it, which
 * is accepted.
 * <p>
 * The ledger proves that nobody without the key and the anchor changed the governance tables or the journal since
 * the last checkpoint; whoever holds both can write a matching checkpoint for any state (see README, "The ledger").
 */
public final class Ledger implements WriteGuard {
    public static final String HOME_VARIABLE = "GRW_LEDGER_HOME";
    public static final String HOME_PROPERTY = "grw.ledger.home";
    public static final String TREE_HEAD_VARIABLE = "GRW_LEDGER_TREE_HEAD_EVERY";
    public static final String TREE_HEAD_PROPERTY = "grw.ledger.tree-head-every";
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final Path home;
    private final LedgerKey key;
    private final String id;
    private final String storeName;
    private final Workspace workspace;
    private final Anchor anchor;
    /** Writes the anchor's lines: checkpoints, marks that they committed, tree heads. */
    private final CheckpointWriter writer;
    /** Why every write is refused from the start (the anchor is missing, the id was removed), or null. */
    private final String broken;
    /** The tree heads also kept in another database, if one is configured ({@link DatabaseAnchorRepository}). */
    private final Optional<DatabaseAnchorRepository> database = DatabaseAnchorRepository.configured();
    private long pending;
    /**
     * SQLite only: the file's {@code data_version} when this process sealed its last write, and the anchor's length
     * after the mark that it committed; while both are unchanged, nobody else wrote the file or the anchor since,
     * and the next write need not digest the store again. -1: unknown.
     */
    private long sealedVersion = -1;
    private long sealedVersionPending = -1;
    private long sealedAnchorLength = -1;
    /**
     * The sealed tables' digests row by row as the last write left them (or its full check found them); null when
     * not known (the next write computes them from scratch). {@code rowsTentative}: written by {@link #after} of a
     * transaction whose commit was not yet heard of (a rollback then leaves them wrong, so they are dropped).
     */
    private RowDigestRepository rows;
    private boolean rowsTentative;
    /** Main's way, for the ledger benchmark only: every write digests all sealed tables in order (no row digests). */
    private final boolean fullDigestEachWrite = Boolean.getBoolean(FULL_DIGEST_PROPERTY);
    /** See {@link #fullDigestEachWrite}. */
    public static final String FULL_DIGEST_PROPERTY = "grw.ledger.full-digest-each-write";
    /**
     * For the ledger benchmark only: PostgreSQL checks the store from scratch at the start of every write, as main
     * did before {@link RowDigestRepository#reconcile} (the row digests kept for the end of the write).
     */
    public static final String FULL_CHECK_PROPERTY = "grw.ledger.full-check-each-write";
    private final boolean fullCheckEachWrite = Boolean.getBoolean(FULL_CHECK_PROPERTY);
    /** Writes of this process that began with every sealed row read and hashed (for tests). */
    private long fullChecks;

    private Ledger(Path home, LedgerKey key, String id, Workspace workspace, String broken) {
        this.home = home;
        this.key = key;
        this.id = id;
        this.storeName = workspace.name();
        this.workspace = workspace;
        this.anchor = new Anchor(anchorFile(home, id));
        this.broken = broken;
        this.writer = new CheckpointWriter(anchor, key, id, storeName, database, treeHeadEvery());
    }

    /** Journal entries between the tree heads written to the anchor: {@value #TREE_HEAD_PROPERTY}, default 1000. */
    static long treeHeadEvery() {
        String every = System.getProperty(TREE_HEAD_PROPERTY);
        if (every == null || every.isBlank()) {
            every = System.getenv(TREE_HEAD_VARIABLE);
        }
        try {
            return every == null || every.isBlank() ? 1000 : Math.max(1, Long.parseLong(every.strip()));
        } catch (NumberFormatException e) {
            throw new UserFacingException(TREE_HEAD_VARIABLE + " must be a whole number of journal entries, not '"
                    + every + "'");
        }
    }

    /** The ledger's home as configured ({@value #HOME_PROPERTY}, else {@value #HOME_VARIABLE}), if one is. */
    public static Optional<Path> configuredHome() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            home = System.getenv(HOME_VARIABLE);
        }
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    /** Attaches the configured ledger to the workspace, if one is configured; returns the workspace. */
    public static Workspace attachConfigured(Workspace workspace) {
        configuredHome().ifPresent(home -> attach(workspace, home));
        return workspace;
    }

    static Path anchorFile(Path home, String id) {
        return home.resolve("anchors").resolve(id + ".jsonl");
    }

    /**
     * Attaches the ledger in {@code home} to the workspace: a workspace without a ledger yet is enrolled (its id is
     * written to its settings and its state becomes the first checkpoint); one with a ledger is checked at its next
     * write.
     */
    public static Ledger attach(Workspace workspace, Path home) {
        LedgerKey key = LedgerKey.inHome(home);
        Optional<String> id = workspace.read(c -> Settings.get(c, Settings.LEDGER_ID));
        Ledger ledger;
        if (id.isPresent()) {
            String broken = Files.exists(anchorFile(home, id.get())) ? null : "the anchor " + anchorFile(home,
                    id.get()) + " of ledger " + id.get() + " is missing (the store is not the one this ledger "
                    + "sealed, or the anchor was removed)";
            ledger = new Ledger(home, key, id.get(), workspace, broken);
            workspace.guard(ledger);
        } else {
            Optional<Path> earlier = anchorOf(home, workspace.name());
            if (earlier.isPresent()) {
                ledger = new Ledger(home, key, earlier.get().getFileName().toString().replace(".jsonl", ""),
                        workspace, "the setting " + Settings.LEDGER_ID + " was removed from the store (the anchor "
                        + earlier.get() + " seals this store)");
                workspace.guard(ledger);
            } else {
                ledger = new Ledger(home, key, UUID.randomUUID().toString(), workspace, null);
                workspace.guard(ledger);
                workspace.write(c -> {
                    Settings.put(c, Settings.LEDGER_ID, ledger.id);
                    return null;
                });
                LOG.info("ledger {} started for {} in {} (key {})", ledger.id, workspace.name(), home,
                        key.fingerprint());
            }
        }
        return ledger;
    }

    /** The anchor whose first checkpoint names this store, if there is one. */
    private static Optional<Path> anchorOf(Path home, String storeName) {
        Path dir = home.resolve("anchors");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jsonl")) {
            for (Path f : files) {
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    String first = r.readLine();
                    if (first != null && storeName.equals(de.grw.journal.CanonicalJson.parse(first).path("store")
                            .asText())) {
                        return Optional.of(f);
                    }
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("anchor {} not readable: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UserFacingException(dir + ": cannot list the ledger's anchors: " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** Writes of this process that began by reading and hashing every sealed row (the full check). */
    long fullChecks() {
        return fullChecks;
    }

    public String id() {
        return id;
    }

    public Path home() {
        return home;
    }

    public Path anchorFile() {
        return anchor.file();
    }

    public LedgerKey key() {
        return key;
    }

    @Override
    public void before(Connection c) throws SQLException {
        pending = 0;
        sealedVersionPending = -1;
        if (rowsTentative) {
            rows = null; // the last write's transaction did not commit: its row digests are not the store's
            rowsTentative = false;
        }
        if (broken != null) {
            throw refused(broken);
        }
        anchor.refresh();
        if (anchor.count() == 0 && !anchor.exists()) {
            rows = null;
            return; // enrolling: the first write seals the state
        }
        long version = dataVersion(c);
        if (version >= 0 && version == sealedVersion && anchor.length() == sealedAnchorLength
                && (rows != null || fullDigestEachWrite)) {
            return; // nothing written to the file or the anchor since this process sealed and committed
        }
        if (version < 0 && rows != null && rows.reconcilable() && !fullCheckEachWrite
                && anchor.length() == sealedAnchorLength && reconciled(c)) {
            return; // PostgreSQL: the rows changed since this process's last write re-read, the store matches
        }
        sealedVersion = -1;
        rows = null;
        JsonNode last = anchor.lastLine();
        if (last != null && !key.fingerprint().equals(last.path("key").asText())) {
            throw refused("the anchor's last line names key " + Anchor.abbreviate(last.path("key").asText())
                    + ", the ledger's key is " + Anchor.abbreviate(key.fingerprint()) + " (the key was replaced)");
        }
        RowDigestRepository scanned = RowDigestRepository.scan(c);
        fullChecks++;
        Optional<String> differs = CheckpointComparison.compare(anchor, c, scanned.state(c));
        if (differs.isPresent()) {
            throw refused(differs.get());
        }
        Optional<String> triggers = triggersMissing(c);
        if (triggers.isPresent()) {
            throw refused(triggers.get());
        }
        RowDigestRepository.clearChanges(c);
        rows = scanned;
    }

    /**
     * PostgreSQL's check at the start of a write without reading every sealed row: the rows changed since this
     * process sealed its last write are found by their place and row version ({@link RowDigestRepository#reconcile})
     * and hashed again, then the digests are compared with the last checkpoint as in the full check. False when a
     * table's columns changed (the caller checks from scratch).
     */
    private boolean reconciled(Connection c) throws SQLException {
        RowDigestRepository.Reconciled r = rows.reconcile(c);
        if (r.columnsChanged()) {
            rows = null;
            return false;
        }
        LOG.debug("ledger {}: {} sealed rows looked at, {} changed since the last write", id, r.rowsRead(),
                r.rowsChanged());
        Optional<String> differs = CheckpointComparison.compare(anchor, c, rows.state(c));
        if (differs.isEmpty()) {
            differs = triggersMissing(c);
        }
        if (differs.isPresent()) {
            rows = null;
            throw refused(differs.get());
        }
        RowDigestRepository.clearChanges(c);
        return true;
    }

    /** Names the sealed tables whose change-log trigger (schema version 14) was dropped or disabled, if any. */
    private static Optional<String> triggersMissing(Connection c) throws SQLException {
        List<String> missing = RowDigestRepository.tablesWithoutTriggers(c);
        return missing.isEmpty() ? Optional.empty() : Optional.of("the ledger's change-log trigger"
                + (missing.size() == 1 ? " of table " : "s of tables ") + String.join(", ", missing)
                + (missing.size() == 1 ? " was" : " were") + " dropped or disabled past the workbench");
    }

    /** See {@link de.grw.store.Dialect#dataVersion}: -1 for PostgreSQL. */
    private long dataVersion(Connection c) throws SQLException {
        return workspace.dialect().dataVersion(c);
    }

    private UserFacingException refused(String why) {
        LOG.error("write to {} refused by the ledger: {}", storeName, why);
        return new UserFacingException(de.grw.common.Text.of("ledger.write_refused", storeName, why));
    }

    @Override
    public void after(Connection c) throws SQLException {
        rowsTentative = true;
        StateDigest now;
        if (fullDigestEachWrite) {
            now = StateDigest.ordered(c);
        } else {
            if (rows == null) {
                rows = RowDigestRepository.scan(c);
                RowDigestRepository.clearChanges(c);
            } else {
                rows.apply(c);
            }
            now = rows.state(c);
        }
        pending = writer.checkpoint(now, workspace.now().toString(), !fullDigestEachWrite);
        sealedVersionPending = dataVersion(c);
        writer.treeHeadIfDue(c, now.journalSize(), workspace.now().toString());
    }

    /**
     * A tree head of these entries (the journal as exported) signed with the ledger's key, also written to the
     * anchor.
     */
    public synchronized TreeHead signTreeHead(List<JournalEntry> entries, String at) {
        if (broken != null) {
            throw refused(broken);
        }
        TreeHead head = TreeHead.of(entries, at).signed(key, id);
        boolean sealed = anchor.length() == sealedAnchorLength;
        writer.treeHead(head);
        if (sealed) {
            sealedAnchorLength = anchor.length();
        }
        return head;
    }

    @Override
    public void committed() {
        if (pending > 0) {
            writer.committed(pending, workspace.now().toString());
            pending = 0;
            rowsTentative = false;
            sealedVersion = sealedVersionPending;
            sealedAnchorLength = anchor.length();
        }
    }

    @Override
    public Check check(Connection c) throws SQLException {
        if (broken != null) {
            return new Check("ledger " + id, Optional.of(broken));
        }
        if (!anchor.exists()) {
            return new Check("ledger " + id, Optional.of("the anchor " + anchor.file() + " is missing"));
        }
        String lines = anchor.verifyLines(key.publicKey());
        anchor.refresh();
        if (lines != null) {
            return new Check("ledger " + id, Optional.of(lines));
        }
        StateDigest now = StateDigest.of(c);
        Optional<String> differs = CheckpointComparison.compare(anchor, c, now);
        if (differs.isEmpty()) {
            differs = triggersMissing(c);
        }
        JsonNode last = anchor.lastCheckpoint();
        String summary = "ledger " + id + ": " + anchor.count() + " anchor lines signed by key "
                + Anchor.abbreviate(key.fingerprint());
        if (differs.isEmpty()) {
            StateDigest[] ordered = new StateDigest[1];
            JsonNode matched = CheckpointComparison.matches(last, CheckpointComparison.in(c, last, now, ordered)) ? last : anchor.lastCommitted();
            summary += ", the store matches the checkpoint " + matched.path("n").asLong() + " of "
                    + matched.path("at").asText() + (matched == last ? "" : " (the last checkpoint's transaction "
                    + "did not commit)");
        }
        JsonNode kept = anchor.lastTreeHead();
        if (differs.isEmpty() && kept != null) {
            TreeHead.Extension ext = new TreeHead(kept.path("size").asLong(), kept.path("root").asText(),
                    kept.path("chain_head").asText(), kept.path("at").asText(), id, null, null)
                    .extendedBy(Journal.all(c));
            if (!ext.ok()) {
                return new Check(summary, Optional.of("the anchor's tree head (line " + kept.path("n").asLong()
                        + "): " + ext.message()));
            }
            summary += "; " + ext.message().replace("the kept head", "the anchor's tree head");
        }
        if (database.isPresent() && differs.isEmpty()) {
            DatabaseAnchorRepository.Check db = database.get().check(storeName, id, key.publicKey(),
                    writer.fileLines(), Journal.all(c));
            if (db.problem() != null) {
                return new Check(summary, Optional.of(db.problem()));
            }
            summary += "; " + db.summary();
        }
        return new Check(summary, differs);
    }
}
