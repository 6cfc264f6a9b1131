package de.grw.importing;

/** Receives what an import produces, record by record, so that large files never sit in memory whole. */
public interface ImportListener {
    /** The column mapping chosen for the source, before any record. */
    default void mapping(ColumnMapping mapping) {
    }

    void record(SourceRecord record);

    void problem(ImportProblem problem);
}
