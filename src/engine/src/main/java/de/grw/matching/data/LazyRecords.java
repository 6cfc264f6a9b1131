package de.grw.matching.data;

/**
 * Records ahead of a {@link RecordTable}'s own whose id and values are read only when asked for (a workspace's record
 * snapshot: a run that takes the records' normalised values and blocking keys from it needs the original values of
 * the few records it checks them on, not of every record). Their sources are given up front. Safe for concurrent
 * reads.
 */
public interface LazyRecords {
    /** How many records (the table's first ones). */
    int size();

    /** The source of a record, as an index into the names the table's builder registered. */
    int sourceIndex(int record);

    String recordId(int record);

    /** The canonical value of a field of a record, or {@code null}. */
    String value(int record, int field);
}
