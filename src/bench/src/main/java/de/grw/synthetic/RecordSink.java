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
 * <p>Rows are encoded when they enter the buffer. The matching truth rows ({@code source,record_id,person_id,
 * household_id,relation}) go to a separate part file that {@link PopulationGenerator} appends to {@code truth.csv}.
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
    private final long[] households;
    private final byte[] relations;
    private final String truthPrefix;
    private int size;
    long written;

    RecordSink(SourceFormat format, Path file, Path truthPart, SplittableRandom random, int bufferSize)
            throws IOException {
        this.format = format;
        this.random = random;
        this.rows = new byte[bufferSize][];
        this.persons = new long[bufferSize];
        this.households = new long[bufferSize];
        this.relations = new byte[bufferSize];
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

    void add(Person person, String cellsAfterId) throws IOException {
        byte[] row = cellsAfterId.getBytes(format.charset);
        int i;
        if (size < rows.length) {
            i = size++;
        } else {
            i = random.nextInt(rows.length);
            emit(i);
        }
        rows[i] = row;
        persons[i] = person.number;
        households[i] = person.household;
        relations[i] = (byte) person.relation.ordinal();
    }

    /** Writes what is left in the buffer in random order. */
    void finish() throws IOException {
        while (size > 0) {
            int i = random.nextInt(size);
            emit(i);
            size--;
            rows[i] = rows[size];
            persons[i] = persons[size];
            households[i] = households[size];
            relations[i] = relations[size];
            rows[size] = null;
        }
        out.flush();
        truth.flush();
    }

    private void emit(int i) throws IOException {
        String id = format.nextId(random);
        out.writeAscii(id);
        out.write(rows[i]);
        out.write(lineEnd);
        truth.writeAscii(truthPrefix);
        truth.writeAscii(id);
        truth.writeAscii(',');
        truth.writePadded('P', persons[i], Person.ID_DIGITS);
        truth.writeAscii(',');
        truth.writePadded('H', households[i], Person.ID_DIGITS);
        truth.writeAscii(',');
        truth.writeAscii(RELATIONS[relations[i]].label());
        truth.writeAscii('\n');
        written++;
    }

    private static final Relation[] RELATIONS = Relation.values();

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            truth.close();
        }
    }
}
