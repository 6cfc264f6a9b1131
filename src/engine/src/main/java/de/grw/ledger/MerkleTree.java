package de.grw.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The journal as a Merkle tree in the manner of RFC 6962 / RFC 9162 (section 2.1): a leaf's hash is
 * SHA-256(0x00 || data), an inner node's SHA-256(0x01 || left || right), the tree over n leaves splits at the largest
 * power of two below n. A tree head (size and root) kept earlier is extended by today's log exactly when a
 * consistency proof between the two verifies ({@link #consistencyProof}, {@link #verifyConsistency}); a journal
 * cut off, or rewritten anywhere in the first {@code size} entries, has no such proof.
 */
public final class MerkleTree {
    private final List<byte[]> leaves;

    private MerkleTree(List<byte[]> leaves) {
        this.leaves = leaves;
    }

    /** A tree over leaf hashes (see {@link #leafHash}). */
    public static MerkleTree of(List<byte[]> leafHashes) {
        return new MerkleTree(List.copyOf(leafHashes));
    }

    /** The tree of journal entries, each leaf the UTF-8 bytes of the entry's exported line. */
    public static MerkleTree ofLines(List<String> lines) {
        List<byte[]> hashes = new ArrayList<>(lines.size());
        for (String l : lines) {
            hashes.add(leafHash(l.getBytes(StandardCharsets.UTF_8)));
        }
        return new MerkleTree(hashes);
    }

    public int size() {
        return leaves.size();
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest md = StateDigest.sha256();
        md.update((byte) 0x00);
        md.update(data);
        return md.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = StateDigest.sha256();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** The root of the whole tree. */
    public byte[] root() {
        return root(0, leaves.size());
    }

    /** The root of the tree over the first {@code size} leaves (the tree head the log had at that size). */
    public byte[] root(int size) {
        return root(0, size);
    }

    private byte[] root(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return StateDigest.sha256().digest();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(root(from, from + k), root(from + k, to));
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** The proof that the tree of the first {@code m} leaves is a prefix of this one (RFC 6962 2.1.2). */
    public List<byte[]> consistencyProof(int m) {
        if (m < 1 || m > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to " + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(m, 0, leaves.size(), true, proof);
        return proof;
    }

    private void subproof(int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, out);
            out.add(root(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, out);
            out.add(root(from, from + k));
        }
    }

    /**
     * Verifies a consistency proof between a tree of {@code first} leaves with root {@code firstRoot} and one of
     * {@code second} leaves with root {@code secondRoot} (RFC 9162 2.1.4.2).
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }
}
