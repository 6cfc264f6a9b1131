package de.grw.api;

/**
 * An export of the approved golden records into database tables. {@link #toString()} does not show the password.
 *
 * @param url            JDBC URL of the target database ({@code jdbc:sqlite:FILE} is created if missing)
 * @param user           database user, or {@code null}
 * @param password       its password, or {@code null}
 * @param table          the golden table, e.g. {@code golden} or {@code auswertung.golden}
 * @param lineageTable   the lineage table, or {@code null} for {@code <table>_lineage}
 * @param membersTable   the members table, or {@code null} for {@code <table>_members}
 * @param append         append to existing tables whose columns fit, instead of creating them
 * @param includeBlocked also export golden records under a blocking notice (right and case reference needed)
 * @param caseRef        case reference for the logs
 */
public record DatabaseExport(String url, String user, char[] password, String table, String lineageTable,
                             String membersTable, boolean append, boolean includeBlocked, String caseRef) {
    @Override
    public String toString() {
        return "DatabaseExport[url=" + de.grw.importing.db.Databases.safeUrl(url) + ", user=" + user + ", table="
                + table + ", append=" + append + ", includeBlocked=" + includeBlocked + ", caseRef=" + caseRef + "]";
    }
}
