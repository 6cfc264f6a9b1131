package de.grw.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the append-only journal. {@code hash} is the SHA-256 of the entry's canonical JSON without the
 * hash (which contains {@code prev}, the previous entry's hash), so every entry seals all entries before it.
 *
 * @param seq     1-based position in the journal
 * @param at      time of the change (ISO-8601, UTC)
 * @param user    who made it
 * @param action  what kind of change, a {@link JournalAction#code()} (e.g. {@code decision.proposed})
 * @param payload the change's details as canonical JSON
 * @param prev    hash of the previous entry ({@link Journal#GENESIS} for the first)
 * @param hash    hash of this entry
 * @param redactedLeaf null for an entry as stored; for an entry whose payload was masked in an export (values of a
 *                person under a blocking notice, see {@link #redacted}) the Merkle leaf hash (hex) of the entry as
 *                stored, so that the export's tree head still proves the stored journal; its {@code hash} is then
 *                the stored entry's, which its masked content no longer gives
 */
public record JournalEntry(long seq, String at, String user, String action, String payload, String prev,
                           String hash,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           String redactedLeaf) {

    /** An entry as stored (not redacted). */
    public JournalEntry(long seq, String at, String user, String action, String payload, String prev, String hash) {
        this(seq, at, user, action, payload, prev, hash, null);
    }

    /** Whether this entry's payload was masked for an export (its hash is taken as given, not recomputed). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRedacted() {
        return redactedLeaf != null;
    }

    /**
     * This stored entry with its payload replaced by a masked one, for an export: it keeps the stored hash and
     * carries the Merkle leaf hash of the stored line ({@code SHA-256(0x00 || line)}, RFC 6962).
     */
    public JournalEntry redacted(String maskedPayload) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((byte) 0);
        md.update(toJsonLine().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new JournalEntry(seq, at, user, action, maskedPayload, prev, hash,
                java.util.HexFormat.of().formatHex(md.digest()));
    }

    /** The action as this version knows it; empty for an action of a newer version. */
    public java.util.Optional<JournalAction> kind() {
        return JournalAction.ofCode(action);
    }

    /** The canonical JSON text the hash is computed over. */
    public String sealedText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("at", at);
        m.put("user", user);
        m.put("action", action);
        m.put("payload", CanonicalJson.parse(payload));
        m.put("prev", prev);
        return CanonicalJson.write(m);
    }

    /** The hash this entry should have. */
    public String computeHash() {
        return CanonicalJson.sha256(sealedText());
    }

    /** One line of the exported journal (JSON Lines), hash included. */
    public String toJsonLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("at", at);
        m.put("user", user);
        m.put("action", action);
        m.put("payload", CanonicalJson.parse(payload));
        m.put("prev", prev);
        m.put("hash", hash);
        if (redactedLeaf != null) {
            m.put("redacted", Map.of("leaf", redactedLeaf));
        }
        return CanonicalJson.write(m);
    }

    /** Reads one exported line. */
    public static JournalEntry fromJsonLine(String line) {
        JsonNode n = CanonicalJson.parse(line);
        return new JournalEntry(n.path("seq").asLong(-1), n.path("at").asText(), n.path("user").asText(),
                n.path("action").asText(), CanonicalJson.write(n.path("payload")), n.path("prev").asText(),
                n.path("hash").asText(), n.path("redacted").isObject() ? n.path("redacted").path("leaf").asText()
                : null);
    }
}
