package de.grw.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One record as imported: the original cells exactly as read (never changed) and the canonical field values
 * derived from them through the column mapping. Immutable; the arrays are never handed out.
 */
public final class SourceRecord {
    private final String source;
    private final String recordId;
    private final long rowNumber;
    private final long line;
    private final String[] cells;
    private final String[] values;

    /**
     * @param source    the source's name (the input file name without extension)
     * @param recordId  the mapped record id, else the 1-based data row number
     * @param rowNumber 1-based data row number
     * @param line      physical line where the row starts
     * @param cells     original cells in column order
     * @param values    canonical values, one per profile field ({@code null} when absent)
     */
    public SourceRecord(String source, String recordId, long rowNumber, long line, String[] cells, String[] values) {
        this(source, recordId, rowNumber, line, cells.clone(), values.clone(), true);
    }

    private SourceRecord(String source, String recordId, long rowNumber, long line, String[] cells, String[] values,
                         boolean owned) {
        this.source = Objects.requireNonNull(source);
        this.recordId = Objects.requireNonNull(recordId);
        this.rowNumber = rowNumber;
        this.line = line;
        this.cells = cells;
        this.values = values;
    }

    /**
     * A record that takes the arrays as they are, for the importer, whose readers hand over a new array of cells per
     * row ({@link de.grw.importing.read.RowSink#row}) and whose assembler makes a new array of values: copying both
     * for every record was a fifth of the import's garbage. The arrays must not be changed afterwards.
     */
    static SourceRecord owning(String source, String recordId, long rowNumber, long line, String[] cells,
                               String[] values) {
        return new SourceRecord(source, recordId, rowNumber, line, cells, values, true);
    }

    public String source() {
        return source;
    }

    public String recordId() {
        return recordId;
    }

    public long rowNumber() {
        return rowNumber;
    }

    public long line() {
        return line;
    }

    /** The canonical value of the field at {@code fieldIndex} of the profile, or {@code null}. */
    public String value(int fieldIndex) {
        return values[fieldIndex];
    }

    public int valueCount() {
        return values.length;
    }

    /** The original cell of column {@code column}, or {@code null}. */
    public String cell(int column) {
        return column < cells.length ? cells[column] : null;
    }

    public List<String> cells() {
        return Arrays.asList(cells.clone());
    }

    public List<String> values() {
        return Arrays.asList(values.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRecord r && r.source.equals(source) && r.recordId.equals(recordId)
                && r.rowNumber == rowNumber && r.line == line && Arrays.equals(r.cells, cells)
                && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, recordId, rowNumber);
    }

    @Override
    public String toString() {
        return source + "/" + recordId + Arrays.toString(values);
    }
}
