package de.grw.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the records of one source. Records pass through a shuffle buffer of fixed size before they get their id and
 * are written, so that household members and the two records of a duplicated person do not sit next to each other
 * (a real export is ordered by id, not by family). With fewer records than the buffer holds the file order is a
 * uniform shuffle; above that, a record moves on average about one buffer length. Memory stays bounded by the buffer.
 *
 * <p>Rows are encoded when they enter the buffer. The matching truth rows go to a separate part file that
 * {@link PopulationGenerator} appends to {@code truth.csv}.
 */
final class RecordSink implements Closeable {
    static final int DEFAULT_BUFFER = 1 << 15;

    private final SourceFormat format;
    private final SplittableRandom random;
    private final ByteOut out;
    private final ByteOut truth;
    private final byte[] lineEnd;
    private final byte[][] rows;
    private final long[] persons;
    private final String truthPrefix;
    private int size;
    long written;

    RecordSink(SourceFormat format, Path file, Path truthPart, SplittableRandom random, int bufferSize)
            throws IOException {
        this.format = format;
        this.random = random;
        this.rows = new byte[bufferSize][];
        this.persons = new long[bufferSize];
        this.lineEnd = format.lineEnd.getBytes(StandardCharsets.US_ASCII);
        this.truthPrefix = format.name + ",";
        this.out = new ByteOut(Files.newOutputStream(file), 1 << 16);
        this.truth = new ByteOut(Files.newOutputStream(truthPart), 1 << 16);
        if (format.byteOrderMark) {
            out.write("\uFEFF".getBytes(format.charset));
        }
        out.write(format.header.getBytes(format.charset));
        out.write(lineEnd);
    }

    void add(long personNumber, String cellsAfterId) throws IOException {
        byte[] row = cellsAfterId.getBytes(format.charset);
        if (size < rows.length) {
            rows[size] = row;
            persons[size] = personNumber;
            size++;
            return;
        }
        int i = random.nextInt(rows.length);
        emit(persons[i], rows[i]);
        rows[i] = row;
        persons[i] = personNumber;
    }

    /** Writes what is left in the buffer in random order. */
    void finish() throws IOException {
        while (size > 0) {
            int i = random.nextInt(size);
            emit(persons[i], rows[i]);
            size--;
            rows[i] = rows[size];
            persons[i] = persons[size];
            rows[size] = null;
        }
        out.flush();
        truth.flush();
    }

    private void emit(long personNumber, byte[] cells) throws IOException {
        String id = format.nextId(random);
        out.writeAscii(id);
        out.write(cells);
        out.write(lineEnd);
        truth.writeAscii(truthPrefix);
        truth.writeAscii(id);
        truth.writeAscii(',');
        truth.writePadded('P', personNumber, Person.ID_DIGITS);
        truth.writeAscii('\n');
        written++;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            truth.close();
        }
    }
}
