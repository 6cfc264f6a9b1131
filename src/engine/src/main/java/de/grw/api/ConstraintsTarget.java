package de.grw.api;

/**
 * Where an export of the constraints goes ({@link ExportApi#constraints(java.nio.file.Path, String,
 * ConstraintsTarget)}), as the journal records it.
 *
 * @param client  the address of the client a server hands the file to (set by the server from the connection;
 *                a client's own value is never sent); {@code null}: the file written is the target
 * @param purpose what the caller says the file is for, e.g. the Spark job's bundle; {@code null} for none; at most
 *                300 characters, no control characters
 */
public record ConstraintsTarget(String client, String purpose) {
    /** The file written, for no stated purpose. */
    public static final ConstraintsTarget FILE = new ConstraintsTarget(null, null);

    /** The file written, for the purpose named. */
    public static ConstraintsTarget forPurpose(String purpose) {
        return new ConstraintsTarget(null, purpose);
    }
}
