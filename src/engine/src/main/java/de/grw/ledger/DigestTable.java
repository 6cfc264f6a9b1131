package de.grw.ledger;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sealed table in {@link RowDigestRepository}: its rows' hashes by place, the same hashes in sorted buckets with
 * their digests, and (with keyed row hashes) each row's key and keyed hash.
 */
final class DigestTable {
    final String name;
    final byte[] header;
    /** With keys: each row's key and keyed hash by place, the hashes by key, the keys changed since sealed. */
    final Map<Long, RowKeys.Keyed> keyedAt = new HashMap<>();
    final Map<String, List<byte[]>> keyed = new HashMap<>();
    final Set<String> touched = new java.util.HashSet<>();
    /** The key columns' positions in {@code SELECT ref, *} (found at the first row). */
    int[] keyAt;
    final Map<Long, byte[]> rows = new HashMap<>();
    /** PostgreSQL: the id of the transaction that wrote each row's version, by place (see {@link RowDigestRepository#reconcile}). */
    final Map<Long, Long> xmins = new HashMap<>();
    final List<List<byte[]>> buckets = new ArrayList<>(RowDigestRepository.BUCKETS);
    final byte[][] bucketDigests = new byte[RowDigestRepository.BUCKETS][];

    DigestTable(String name, byte[] header) {
        this.name = name;
        this.header = header;
        for (int i = 0; i < RowDigestRepository.BUCKETS; i++) {
            buckets.add(new ArrayList<>());
        }
    }

    private static int bucket(byte[] h) {
        return h[0] & 0xff;
    }

    void addUnsorted(byte[] h) {
        buckets.get(bucket(h)).add(h);
    }

    void sortAll() {
        buckets.forEach(b -> b.sort(Arrays::compareUnsigned));
    }

    void add(byte[] h) {
        List<byte[]> b = buckets.get(bucket(h));
        int at = java.util.Collections.binarySearch(b, h, Arrays::compareUnsigned);
        b.add(at >= 0 ? at : -at - 1, h);
        bucketDigests[bucket(h)] = null;
    }

    void remove(byte[] h) {
        List<byte[]> b = buckets.get(bucket(h));
        int at = java.util.Collections.binarySearch(b, h, Arrays::compareUnsigned);
        if (at >= 0) {
            b.remove(at);
        }
        bucketDigests[bucket(h)] = null;
    }

    String digest() {
        MessageDigest md = StateDigest.sha256();
        md.update(header);
        for (int i = 0; i < RowDigestRepository.BUCKETS; i++) {
            List<byte[]> b = buckets.get(i);
            if (b.isEmpty()) {
                continue;
            }
            if (bucketDigests[i] == null) {
                MessageDigest bd = StateDigest.sha256();
                b.forEach(bd::update);
                bucketDigests[i] = bd.digest();
            }
            md.update((byte) i);
            md.update(ByteBuffer.allocate(4).putInt(b.size()).array());
            md.update(bucketDigests[i]);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
