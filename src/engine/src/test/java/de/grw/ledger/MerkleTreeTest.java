package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal's Merkle tree hashes as RFC 6962 / 9162 say (leaf 0x00, node 0x01, split at the largest power of two
 * below n), and its consistency proofs verify from every earlier size to every later one, and fail for a changed
 * leaf, a wrong size or a changed proof.
 */
class MerkleTreeTest {
    private static byte[] sha(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    private static List<String> lines(int n, String tag) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("{\"seq\":" + (i + 1) + ",\"tag\":\"" + tag + "\"}");
        }
        return out;
    }

    @Test
    void hashesAsTheRfcSays() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        byte[] c = "c".getBytes(StandardCharsets.UTF_8);
        byte[] la = sha(new byte[] {0}, a);
        byte[] lb = sha(new byte[] {0}, b);
        byte[] lc = sha(new byte[] {0}, c);
        MerkleTree t = MerkleTree.ofLines(List.of("a", "b", "c"));
        assertThat(t.root(1)).isEqualTo(la);
        assertThat(t.root(2)).isEqualTo(sha(new byte[] {1}, la, lb));
        assertThat(t.root()).isEqualTo(sha(new byte[] {1}, sha(new byte[] {1}, la, lb), lc));
        // the empty tree: SHA-256 of nothing (RFC 6962 2.1)
        assertThat(HexFormat.of().formatHex(MerkleTree.ofLines(List.of()).root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyPrefixIsProvedConsistentWithEveryLongerLog() {
        List<String> log = lines(40, "x");
        MerkleTree full = MerkleTree.ofLines(log);
        for (int n = 1; n <= log.size(); n++) {
            MerkleTree later = MerkleTree.ofLines(log.subList(0, n));
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = m == n ? List.of() : later.consistencyProof(m);
                assertThat(MerkleTree.verifyConsistency(m, n, full.root(m), later.root(), proof))
                        .as("%d -> %d", m, n).isTrue();
                if (m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, later.root(), full.root(m), proof))
                            .as("roots swapped %d -> %d", m, n).isFalse();
                }
            }
        }
    }

    @Test
    void aChangedEarlierEntryHasNoProof() {
        for (int changed = 0; changed < 13; changed++) {
            List<String> kept = lines(13, "x");
            List<String> today = new ArrayList<>(lines(21, "x"));
            today.set(changed, today.get(changed).replace("x", "y"));
            MerkleTree keptTree = MerkleTree.ofLines(kept);
            MerkleTree todayTree = MerkleTree.ofLines(today);
            List<byte[]> proof = todayTree.consistencyProof(13);
            assertThat(MerkleTree.verifyConsistency(13, 21, keptTree.root(), todayTree.root(), proof))
                    .as("entry %d changed", changed + 1).isFalse();
        }
    }

    @Test
    void aProofForAnotherSizeOrAlteredFails() {
        MerkleTree t = MerkleTree.ofLines(lines(21, "x"));
        List<byte[]> proof = t.consistencyProof(13);
        assertThat(MerkleTree.verifyConsistency(12, 21, t.root(12), t.root(), proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(13, 21, t.root(13), t.root(20), proof)).isFalse();
        List<byte[]> altered = new ArrayList<>(proof);
        altered.set(0, MerkleTree.leafHash(new byte[] {42}));
        assertThat(MerkleTree.verifyConsistency(13, 21, t.root(13), t.root(), altered)).isFalse();
        assertThat(MerkleTree.verifyConsistency(13, 21, t.root(13), t.root(), proof.subList(0, proof.size() - 1)))
                .isFalse();
    }
}
