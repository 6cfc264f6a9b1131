package de.grw.importing.db;

import de.grw.importing.read.RowSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Passes rows on to another sink and keeps a SHA-256 over what it passed: a label (what was read), the header and
 * every row's cells, NULL told apart from an empty text. For a database source this plays the role a file's hash plays
 * for a file: the same table with the same content gives the same digest, so that a workspace can refuse importing it
 * twice.
 */
public final class RowDigest implements RowSink {
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    private static final byte END_OF_CELL = 0x1F;
    private static final byte END_OF_ROW = 0x1E;
    private static final byte REJECTED = 0x1D;

    private final RowSink next;
    private final MessageDigest digest;

    /** @param label what is read, part of the digest (e.g. the URL without password and the table) */
    public RowDigest(String label, RowSink next) {
        this.next = next;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        text(label);
        digest.update(END_OF_ROW);
    }

    @Override
    public void header(List<String> columns) {
        for (String c : columns) {
            text(c);
        }
        digest.update(END_OF_ROW);
        next.header(columns);
    }

    @Override
    public void row(long rowNumber, long line, String[] cells) {
        for (String c : cells) {
            text(c);
        }
        digest.update(END_OF_ROW);
        next.row(rowNumber, line, cells);
    }

    @Override
    public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
        digest.update(REJECTED);
        text(reason.english());
        text(rawText);
        digest.update(END_OF_ROW);
        next.rejected(rowNumber, line, reason, rawText);
    }

    @Override
    public void unreadable(long rowNumber, long line, int column, de.grw.common.Text reason) {
        next.unreadable(rowNumber, line, column, reason);
    }

    @Override
    public void notice(long line, int column, de.grw.common.Text message) {
        next.notice(line, column, message);
    }

    /** The SHA-256 so far, as lower-case hex. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void text(String s) {
        if (s == null) {
            digest.update(NULL);
        } else {
            digest.update(VALUE);
            digest.update(s.getBytes(StandardCharsets.UTF_8));
        }
        digest.update(END_OF_CELL);
    }
}
