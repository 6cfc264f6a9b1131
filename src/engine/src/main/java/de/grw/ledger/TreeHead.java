package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree head of the journal: its size, the root of its Merkle tree ({@link MerkleTree}, a leaf per exported line),
 * the chain's head hash, when, and, when the workspace keeps a ledger, the ledger's id, public key and Ed25519
 * signature. Written beside every export ({@value #FILE}) and at intervals into the ledger's anchor; kept by an
 * auditor, it is what {@code grw verify --head FILE} proves today's journal extends.
 */
public record TreeHead(long size, String root, String chainHead, String at, String ledger, String publicKey,
                       String signature) {
    public static final String FILE = "journal.treehead.json";

    /** The unsigned tree head of these entries. */
    public static TreeHead of(List<JournalEntry> entries, String at) {
        MerkleTree tree = tree(entries);
        String head = entries.isEmpty() ? Journal.GENESIS : entries.get(entries.size() - 1).hash();
        return new TreeHead(entries.size(), HexFormat.of().formatHex(tree.root()), head, at, null, null, null);
    }

    /**
     * The tree of the entries as stored: a leaf per exported line, or for an entry redacted in an export the leaf
     * of its stored line that it carries.
     */
    static MerkleTree tree(List<JournalEntry> entries) {
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            leaves.add(e.isRedacted() ? HexFormat.of().parseHex(e.redactedLeaf())
                    : MerkleTree.leafHash(e.toJsonLine().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return MerkleTree.of(leaves);
    }

    /** This head signed with the ledger's key. */
    TreeHead signed(LedgerKey key, String ledgerId) {
        TreeHead unsigned = new TreeHead(size, root, chainHead, at, ledgerId, key.publicText(), null);
        return new TreeHead(size, root, chainHead, at, ledgerId, key.publicText(), key.sign(unsigned.text(false)));
    }

    public boolean isSigned() {
        return signature != null;
    }

    /** Whether the signature is the head's own public key's (check that key's fingerprint against a kept one). */
    public boolean signatureValid() {
        return isSigned() && publicKey != null
                && LedgerKey.verify(LedgerKey.publicKey(publicKey), text(false), signature);
    }

    /** The fingerprint of the key that signed it, or null. */
    public String keyFingerprint() {
        return publicKey == null ? null : LedgerKey.fingerprint(LedgerKey.publicKey(publicKey));
    }

    private Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "tree_head");
        m.put("size", size);
        m.put("root", root);
        m.put("chain_head", chainHead);
        m.put("at", at);
        if (ledger != null) {
            m.put("ledger", ledger);
            m.put("public_key", publicKey);
        }
        return m;
    }

    String text(boolean withSignature) {
        Map<String, Object> m = fields();
        if (withSignature && signature != null) {
            m.put("sig", signature);
        }
        return CanonicalJson.write(m);
    }

    /** The head as one line of JSON (its file's content). */
    public String toJson() {
        return text(true);
    }

    /**
     * Reads a kept tree head.
     *
     * @throws UserFacingException naming the file and what is wrong with it
     */
    public static TreeHead read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new UserFacingException(de.grw.common.Text.of("file.not_found", file));
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read the tree head: " + e.getMessage(), e);
        }
        JsonNode n;
        try {
            n = CanonicalJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(file + ": line 1 is not a tree head (not valid JSON)");
        }
        if (!"tree_head".equals(n.path("type").asText()) || !n.path("size").canConvertToExactIntegral()
                || !n.path("root").asText().matches("[0-9a-f]{64}")) {
            throw new UserFacingException(file + ": line 1 is not a tree head (it needs \"type\":\"tree_head\", a "
                    + "whole-number \"size\" and a 64-digit hex \"root\")");
        }
        return new TreeHead(n.path("size").asLong(), n.path("root").asText(), n.path("chain_head").asText(),
                n.path("at").asText(), text(n, "ledger"), text(n, "public_key"), text(n, "sig"));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.path(field).asText() : null;
    }

    /**
     * Whether the journal {@code entries} extends this (earlier) head: proved by a consistency proof from this head's
     * tree to the entries' tree.
     *
     * @param ok         whether it does
     * @param proofSize  hashes in the consistency proof
     * @param message    what was proved, or what is wrong
     */
    public record Extension(boolean ok, int proofSize, String message) {
    }

    public Extension extendedBy(List<JournalEntry> entries) {
        if (size < 1) {
            return new Extension(false, 0, "the kept head is of an empty journal: nothing to prove");
        }
        if (entries.size() < size) {
            return new Extension(false, 0, "the journal has " + entries.size() + " entries, fewer than the kept "
                    + "head's " + size + ": entries were cut off or removed");
        }
        MerkleTree tree = tree(entries);
        byte[] newRoot = tree.root();
        List<byte[]> proof = size == entries.size() ? List.of() : tree.consistencyProof((int) size);
        boolean ok = MerkleTree.verifyConsistency(size, entries.size(), HexFormat.of().parseHex(root), newRoot,
                proof);
        if (!ok) {
            return new Extension(false, proof.size(), "the journal does not extend the kept head of " + size
                    + " entries (root " + Anchor.abbreviate(root) + "): one of its first " + size + " entries was "
                    + "changed, removed or inserted");
        }
        return new Extension(true, proof.size(), "the journal of " + entries.size() + " entries (root "
                + Anchor.abbreviate(HexFormat.of().formatHex(newRoot)) + ") extends the kept head of " + size
                + " entries of " + at + ", proved by a consistency proof of " + proof.size() + " hashes");
    }

    /** Whether the signature is valid and by the given key. */
    public boolean signedBy(PublicKey key) {
        return signatureValid() && LedgerKey.fingerprint(key).equals(keyFingerprint());
    }
}
