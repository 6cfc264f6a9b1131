package de.grw.spark;

import de.grw.api.ConstraintsExport;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.UserFacingException;
import de.grw.workspace.MatchConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's must-links and cannot-links read from a workspace server ({@code --constraints-server URL}), through
 * the same client the command line's {@code grw export-constraints --server} uses ({@link RemoteWorkbench}, the
 * service interface {@code ExportApi.constraints}): the server's engine checks the account's right to run a match
 * and logs the export in its access log ({@code EXPORT_CONSTRAINTS}, with the case reference and the records it
 * names) and its journal ({@code constraints.exported}, with the counts, the case reference, this machine's address
 * and the job's bundle as the purpose); the answer is checked as a constraints file is and read by the driver before
 * Spark starts.
 *
 * <p>The password never comes from the command line (visible in the process list and the shell history): from a
 * file ({@code --server-password-file}, its first line) or from the environment variable {@value #PASSWORD_VARIABLE},
 * the command line's.
 *
 * @param url          the server, {@code https://host:port}
 * @param fingerprint  the SHA-256 fingerprint of the server's certificate ({@code null}: the JVM's certificate
 *                     authorities decide, as with the command line's {@code --fingerprint})
 * @param user         the account the job signs in with
 * @param passwordFile the file holding its password, or {@code null} for {@value #PASSWORD_VARIABLE}
 * @param caseRef      the case reference the export is logged under, or {@code null}
 */
record ServerConstraints(String url, String fingerprint, String user, Path passwordFile, String caseRef) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConstraints.class);
    /** The environment variable of the account's password, as for {@code grw ... --server}. */
    static final String PASSWORD_VARIABLE = "GRW_PASSWORD";

    /**
     * Signs in, has the server export the constraints, signs out.
     *
     * @param environmentPassword the value of {@value #PASSWORD_VARIABLE} ({@code null}: not set)
     * @param bundle              the bundle the job writes: the purpose the server's journal records
     * @throws UserFacingException the password is missing, the server cannot be reached or is not trusted, the
     *                             sign-in or the right is refused, or the answer is no constraints file
     */
    MatchConstraints fetch(String environmentPassword, String bundle) {
        char[] password = password(environmentPassword);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("grw-spark-constraints");
            Path file = folder.resolve("constraints.json");
            ConstraintsExport summary;
            try (RemoteWorkbench server = RemoteWorkbench.connect(url, fingerprint);
                 SignedIn signedIn = server.signIn(user, password)) {
                summary = signedIn.export().constraints(file, caseRef,
                        de.grw.api.ConstraintsTarget.forPurpose(purpose(bundle)));
            }
            LOG.info("constraints read from {} as {}: {}", url, user, summary);
            return MatchConstraints.read(file);
        } catch (IOException e) {
            throw new UserFacingException("cannot keep the constraints read from " + url + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
            delete(folder);
        }
    }

    /**
     * What the server's journal records the export for: the job and its bundle (its end, when the whole would pass
     * the server's 300 characters).
     */
    static String purpose(String bundle) {
        String p = "grw-spark --out " + bundle;
        return p.length() <= 300 ? p : "grw-spark --out …" + bundle.substring(bundle.length() - 282);
    }

    /** The password: the file's first line, else the environment variable; refused when neither gives one. */
    char[] password(String environmentPassword) {
        if (passwordFile != null) {
            String first;
            try {
                first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new UserFacingException(passwordFile + ": cannot read the password of " + user + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
            if (first.isEmpty()) {
                throw new UserFacingException(passwordFile + ": line 1: no password (the file's first line is the "
                        + "password of " + user + ")");
            }
            return first.toCharArray();
        }
        if (environmentPassword == null || environmentPassword.isEmpty()) {
            throw new UserFacingException("no password for " + user + " at " + url + ": set the environment "
                    + "variable " + PASSWORD_VARIABLE + " or name a file holding it with --server-password-file");
        }
        return environmentPassword.toCharArray();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.warn("cannot remove the temporary folder {}", folder, e);
        }
    }
}
