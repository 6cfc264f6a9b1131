package de.grw.cli;

import de.grw.api.local.LocalWorkbench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw copy-to-postgresql}: moves a trial workspace file into an empty PostgreSQL schema, for a workspace server
 * ({@code store = postgresql}). Needs the workspace's administrator; the database password comes from
 * GRW_DB_PASSWORD, else it is asked for.
 */
@Command(name = "copy-to-postgresql", mixinStandardHelpOptions = true,
        description = "Copies a workspace file into an empty schema of a PostgreSQL database for a workspace server "
                + "(store = postgresql): records, decisions, golden records, accounts, journal and access log, with "
                + "their ids, in one transaction (all or nothing). Needs an administrator of the workspace. The "
                + "database password is read from GRW_DB_PASSWORD, else asked for. The file stays as it was.")
final class StoreCopyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The database, e.g. jdbc:postgresql://db.intern:5432/grw.")
    String url;

    @Option(names = "--db-user", required = true, paramLabel = "NAME", description = "The database account.")
    String dbUser;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = "grw",
            description = "The schema to create and fill; it must hold no workspace. Default: ${DEFAULT-VALUE}.")
    String schema;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--url must name a PostgreSQL "
                    + "database (jdbc:postgresql://host:5432/name), not " + url);
        }
        try (Login login = options.login()) {
            char[] password = Passwords.database(spec, url, dbUser);
            try {
                LocalWorkbench.CopyResult r = ((LocalWorkbench) login.workbench()).copyToPostgres(login.signedIn(),
                        url, dbUser, password, schema);
                out.printf("copied %s into %s: %,d rows%n", options.workspace, r.target(), r.total());
                r.rows().forEach((table, rows) -> {
                    if (rows > 0) {
                        out.printf("  %-20s %,12d%n", table, rows);
                    }
                });
                out.println("start the server with store = postgresql, store.postgresql.url, .user, .passwordFile and "
                        + ".schema = " + schema);
                return 0;
            } finally {
                Passwords.wipe(password);
            }
        }
    }
}
