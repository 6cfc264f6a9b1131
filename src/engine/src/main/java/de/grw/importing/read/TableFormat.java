package de.grw.importing.read;

/** The kinds of tabular input the workbench reads. */
public enum TableFormat {
    CSV, JSON_ARRAY, JSON_LINES, EXCEL,
    /** A table or query result of a database, read over JDBC ({@code de.grw.importing.db.DatabaseReader}). */
    DATABASE
}
