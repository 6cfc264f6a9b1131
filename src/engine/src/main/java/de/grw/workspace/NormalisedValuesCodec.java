package de.grw.workspace;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised values a {@link RecordSnapshot} segment of format 2 keeps per field, after the field's dictionary
 * and codes: the count of distinct normalised values (-1: the segment keeps none), each either as the index of the
 * dictionary entry it equals or as a string, then per dictionary entry the index of its normalised value (-1 for
 * none). Also the snapshot's length-prefixed UTF-8 strings.
 */
final class NormalisedValuesCodec {
    private NormalisedValuesCodec() {
    }

    /** One field's normalised values ({@code values}) and the one of each dictionary entry ({@code of}, -1: none). */
    record Field(String[] values, int[] of) {
    }

    /**
     * Writes the normalised values of {@code field} (the prepared field over the table the segment's records are
     * in, from index {@code start}), or -1 when {@code field} is {@code null}.
     */
    static void write(DataOutputStream out, de.grw.matching.data.PreparedField field, int start,
                      List<String> distinct, int[] codes) throws IOException {
        if (field == null) {
            out.writeInt(-1);
            return;
        }
        int[] ofCode = new int[distinct.size()];
        java.util.Arrays.fill(ofCode, Integer.MIN_VALUE);
        // the prepared field's value id of each dictionary entry (from its first record), then numbered anew
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            if (code >= 0 && ofCode[code] == Integer.MIN_VALUE) {
                ofCode[code] = field.id(start + r);
            }
        }
        Map<Integer, Integer> local = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        List<Integer> firstEntry = new ArrayList<>();
        int[] normalisedOf = new int[distinct.size()];
        for (int i = 0; i < ofCode.length; i++) {
            int id = ofCode[i];
            if (id < 0) {
                normalisedOf[i] = -1;
                continue;
            }
            Integer j = local.get(id);
            if (j == null) {
                j = order.size();
                local.put(id, j);
                order.add(id);
                firstEntry.add(i);
            }
            normalisedOf[i] = j;
        }
        out.writeInt(order.size());
        for (int j = 0; j < order.size(); j++) {
            String value = field.valueOfId(order.get(j));
            int entry = firstEntry.get(j);
            if (value.equals(distinct.get(entry))) {
                out.writeInt(entry);
            } else {
                out.writeInt(-1);
                writeString(out, value);
            }
        }
        for (int j : normalisedOf) {
            out.writeInt(j);
        }
    }

    /**
     * One field's normalised values, read after its dictionary ({@code entries} strings, each given by
     * {@code dictionary}); {@code null} when the segment keeps none.
     */
    static Field read(ByteBuffer in, java.util.function.IntFunction<String> dictionary, int entries) {
        int m = in.getInt();
        if (m < 0) {
            return null;
        }
        if (m > in.remaining() / 4) {
            throw new IllegalStateException("count " + m + " beyond the segment's length");
        }
        String[] values = new String[m];
        for (int j = 0; j < m; j++) {
            int entry = in.getInt();
            if (entry >= entries || entry < -1) {
                throw new IllegalStateException("normalised value index out of range");
            }
            values[j] = entry >= 0 ? dictionary.apply(entry) : readString(in);
            if (values[j] == null) {
                throw new IllegalStateException("a normalised value missing");
            }
        }
        int[] of = new int[entries];
        for (int i = 0; i < of.length; i++) {
            int j = in.getInt();
            if (j >= m || j < -1) {
                throw new IllegalStateException("normalised value index out of range");
            }
            of[i] = j;
        }
        return new Field(values, of);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
