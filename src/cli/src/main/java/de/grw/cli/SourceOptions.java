package de.grw.cli;

import de.grw.importing.SourceInput;
import de.grw.importing.db.ConnectionSettings;
import de.grw.importing.db.ConnectionStore;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.db.Databases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The inputs of {@code import} and {@code match}: files and databases, in the order given. A JDBC URL is followed by
 * {@code --table NAME} or {@code --query SQL}, which belong to the URL before them; {@code --as NAME} names the input
 * before it (or, given before all inputs, the only one). {@code --connection NAME} is an input read with saved
 * settings; {@code --save-connection NAME} saves the settings of the (one) database input, never its password.
 *
 * <pre>
 * grw match --clusters out.csv personen.csv jdbc:postgresql://localhost/register --table personen
 * grw import -w W -u U jdbc:sqlite:/data/kfz.db --query "SELECT * FROM halter WHERE aktiv" --as kfz
 * </pre>
 *
 * Picocli calls the setters below each time an option or positional value is added, with all values so far; the
 * new values are recorded as events, which keeps the order of the command line.
 */
final class SourceOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final List<String[]> events = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    @Option(names = "--db-user", paramLabel = "NAME", description = "Database user for the JDBC inputs. The "
            + "password is read from the environment variable GRW_DB_PASSWORD, else asked for.")
    String dbUser;

    @Option(names = "--fetch-size", paramLabel = "N", description = "Rows fetched from a database per round trip. "
            + "Default: " + DatabaseSource.DEFAULT_FETCH_SIZE + ".")
    int fetchSize;

    @Option(names = "--save-connection", paramLabel = "NAME", description = "Save the database input's URL, user "
            + "and table or query under this name (never the password), for --connection NAME.")
    String saveConnection;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Files, or JDBC URLs (jdbc:sqlite:FILE, "
            + "jdbc:postgresql://HOST/DB) each followed by --table NAME or --query SQL; each is one source.")
    void inputs(List<String> values) {
        record("input", values);
    }

    @Option(names = "--table", paramLabel = "NAME", description = "Table (or schema.table) of the JDBC URL before "
            + "it.")
    void tables(List<String> values) {
        record("table", values);
    }

    @Option(names = "--query", paramLabel = "SQL", description = "A single SELECT to read from the JDBC URL before "
            + "it (name the source with --as).")
    void queries(List<String> values) {
        record("query", values);
    }

    @Option(names = "--as", paramLabel = "NAME", description = "Source name of the input before it. Default: the "
            + "file name without extension, or the table name.")
    void names(List<String> values) {
        record("as", values);
    }

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet of the Excel workbook before it to "
            + "read (given before all inputs: of every workbook). Default: the first sheet that holds a table; the "
            + "others are named in a note.")
    void sheets(List<String> values) {
        record("sheet", values);
    }

    @Option(names = "--all-sheets", description = "Read every sheet of the Excel workbooks that holds a table as a "
            + "source of its own, named FILE#SHEET.")
    boolean allSheets;

    @Option(names = "--connection", paramLabel = "NAME", description = "A database input with saved settings "
            + "(see --save-connection); --table or --query after it override the saved ones.")
    void connections(List<String> values) {
        record("connection", values);
    }

    private void record(String kind, List<String> values) {
        int known = seen.getOrDefault(kind, 0);
        for (int i = known; i < values.size(); i++) {
            events.add(new String[] {kind, values.get(i)});
        }
        seen.put(kind, values.size());
    }

    /** Whether any input was given. */
    boolean isEmpty() {
        return events.stream().noneMatch(e -> e[0].equals("input") || e[0].equals("connection"));
    }

    /** Whether a database is among the inputs (a JDBC URL or a saved connection). */
    boolean anyDatabase() {
        return events.stream().anyMatch(e -> e[0].equals("connection")
                || (e[0].equals("input") && e[1].regionMatches(true, 0, "jdbc:", 0, 5)));
    }

    /** Whether anything of these options was given at all. */
    boolean anyGiven() {
        return !events.isEmpty() || dbUser != null || saveConnection != null || fetchSize != 0 || allSheets;
    }

    /** One input as the command line builds it. */
    private static final class Builder {
        final String given;
        Path file;
        String url;
        String user;
        String table;
        String query;
        boolean chosen;
        String name;
        String sheet;

        Builder(String given) {
            this.given = given;
        }
    }

    /** The inputs in order, with database passwords from the environment or a prompt (asked once per account). */
    List<SourceInput> resolve() {
        List<Builder> inputs = new ArrayList<>();
        Builder current = null;
        String leadingName = null;
        String leadingSheet = null;
        for (String[] e : events) {
            String kind = e[0];
            String value = e[1];
            switch (kind) {
                case "input" -> {
                    current = new Builder(value);
                    if (Databases.isJdbcUrl(value)) {
                        current.url = value.strip();
                    } else {
                        current.file = Path.of(value);
                    }
                    inputs.add(current);
                }
                case "connection" -> {
                    ConnectionSettings saved = store(spec).get(value);
                    current = new Builder("--connection " + value);
                    current.url = saved.url();
                    current.user = saved.user();
                    current.table = saved.table();
                    current.query = saved.query();
                    inputs.add(current);
                }
                case "table", "query" -> {
                    if (current == null || current.url == null) {
                        throw usage("--" + kind + " " + value + " belongs after the JDBC URL it reads from");
                    }
                    if (current.chosen) {
                        throw usage(current.given + ": give either one --table or one --query");
                    }
                    current.chosen = true;
                    current.table = kind.equals("table") ? value : null;
                    current.query = kind.equals("query") ? value : null;
                }
                case "sheet" -> {
                    if (current == null) {
                        if (leadingSheet != null) {
                            throw usage("--sheet given twice before the inputs");
                        }
                        leadingSheet = value;
                    } else {
                        if (current.file == null) {
                            throw usage("--sheet " + value + " belongs after an Excel workbook, not after "
                                    + Databases.safeUrl(current.given));
                        }
                        if (current.sheet != null) {
                            throw usage("--sheet given twice for " + current.given);
                        }
                        current.sheet = value;
                    }
                }
                case "as" -> {
                    if (current == null) {
                        if (leadingName != null) {
                            throw usage("--as given twice before the inputs");
                        }
                        leadingName = value;
                    } else {
                        if (current.name != null) {
                            throw usage("--as given twice for " + current.given);
                        }
                        current.name = value;
                    }
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        if (leadingName != null) {
            if (inputs.size() != 1) {
                throw usage("--as names one source; name each input with --as after it, or import them one by one");
            }
            if (inputs.get(0).name != null) {
                throw usage("--as given twice for " + inputs.get(0).given);
            }
            inputs.get(0).name = leadingName;
        }
        List<SourceInput> out = new ArrayList<>();
        Map<String, char[]> passwords = new HashMap<>();
        List<DatabaseSource> databases = new ArrayList<>();
        if (allSheets && (leadingSheet != null || inputs.stream().anyMatch(b -> b.sheet != null))) {
            throw usage("give either --all-sheets or --sheet NAME");
        }
        for (Builder b : inputs) {
            if (b.file != null) {
                String sheet = b.sheet != null ? b.sheet : leadingSheet != null && workbook(b.file) ? leadingSheet
                        : null;
                out.add(sheet == null ? SourceInput.file(b.file, b.name)
                        : new SourceInput.File(b.file, b.name != null ? b.name
                        : de.grw.importing.SourceImporter.sourceName(b.file), sheet));
                continue;
            }
            if (b.table == null && b.query == null) {
                throw usage(Databases.safeUrl(b.given) + " needs --table NAME or --query SQL after it");
            }
            if (b.query != null && b.name == null) {
                throw usage(Databases.safeUrl(b.given) + ": name the query's source with --as NAME after it");
            }
            String user = dbUser != null ? dbUser : b.user;
            char[] password = passwords.computeIfAbsent(b.url + "\n" + user,
                    k -> Passwords.database(spec, b.url, user));
            DatabaseSource source;
            try {
                source = new DatabaseSource(b.url, user, password, b.table, b.query, fetchSize);
            } catch (IllegalArgumentException ex) {
                throw usage(ex.getMessage());
            }
            databases.add(source);
            out.add(SourceInput.database(source, b.name));
        }
        if (saveConnection != null) {
            if (databases.size() != 1) {
                throw usage("--save-connection saves one database input; this command has " + databases.size());
            }
            ConnectionStore store = store(spec);
            store.save(saveConnection, ConnectionSettings.of(databases.get(0)));
            spec.commandLine().getOut().println("connection '" + saveConnection + "' saved in " + store.file()
                    + " (without the password)");
        }
        return out;
    }

    /** Whether the file is an Excel workbook; a file that cannot be read is left to the import to report. */
    private static boolean workbook(Path file) {
        try {
            return new de.grw.importing.read.TabularReader().isWorkbook(file);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * The saved connections of the user: {@code connections.json} in the workbench folder, the one the desktop uses
     * ({@code GRW_HOME}, else {@code -Dgrw.home}, else {@code ~/.golden-record-workbench}).
     */
    static ConnectionStore store(CommandSpec spec) {
        String env = Passwords.environment(spec).variable("GRW_HOME");
        String prop = System.getProperty("grw.home");
        Path home = env != null && !env.isBlank() ? Path.of(env) : prop != null ? Path.of(prop)
                : Path.of(System.getProperty("user.home"), ".golden-record-workbench");
        return new ConnectionStore(home.resolve("connections.json"));
    }
}
