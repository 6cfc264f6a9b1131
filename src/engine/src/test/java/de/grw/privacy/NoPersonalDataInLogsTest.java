package de.grw.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.MappingFile;
import de.grw.ledger.Ledger;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 14: no personal data of the records (names, birth dates, addresses, record keys) goes into a log line or
 * an error message. Runs, with every logger at TRACE, imports with bad rows (a quote followed by text, a record key
 * used twice, an impossible date, a ragged row, a JSON Lines line and a JSON array broken on a person's name), a
 * failing match run and failed sign-ins, and scans every log event (message and exception chain) and every error
 * message the calls threw for the records' values. The files name where the problem is (file, line, column).
 */
class NoPersonalDataInLogsTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    /** The records' values: each distinctive, so that any appearance is a leak. */
    private static final List<String> VALUES = List.of("Xanthopoulos", "Quirinella", "Zypressenweg", "Wolkenheim",
            "K-XQ17", "1977-03-14", "14.03.1977", "Brombeerhain", "Ottilienstraße", "Fjodorowna", "31.02.1960",
            "1960-00-00", "Kasimirsky", "Eulalia", "Hagebuttenau", "Lindwurmtal");

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<String> messages = new ArrayList<>();
    private Level rootLevel;

    @BeforeEach
    void capture() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void release() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(events);
        root.setLevel(rootLevel);
    }

    @Test
    void importsWithBadRowsAFailingMatchAndFailedSignInsLogNoValueOfARecord() throws Exception {
        Path csv = Files.writeString(dir.resolve("melderegister.csv"), """
                Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort;Auskunftssperre
                K-XQ17;Xanthopoulos;Quirinella;14.03.1977;Zypressenweg;7;64678;Wolkenheim;
                K-XQ17;Brombeerhain;Fjodorowna;14.03.1977;Ottilienstraße;3;80331;Wolkenheim;ja
                K-2;"Kasimirsky"Eulalia;Eulalia;31.02.1960;Hagebuttenau;1;01067;Lindwurmtal;
                K-3;Kasimirsky;Eulalia;01.01.1960;Hagebuttenau;1;01067;Lindwurmtal;;;Brombeerhain
                K-4;Brombeerhain
                """);
        Path jsonl = Files.writeString(dir.resolve("sozialamt.jsonl"), """
                {"Aktenzeichen":"S1","Familienname":"Xanthopoulos","Vornamen":"Quirinella","Geburtsdatum":"14.03.1977"}
                {"Aktenzeichen":"S2","Familienname":Kasimirsky,"Vornamen":"Eulalia"}
                {"Aktenzeichen":"S3","Familienname":"Hagebuttenau"} Lindwurmtal
                """);
        Path array = Files.writeString(dir.resolve("kfz.json"), """
                [{"Kennzeichen":"K1","Familienname":"Brombeerhain","Geburtsdatum":"14.03.1977"},
                 {"Kennzeichen":"K2","Familienname":Ottilienstraße}]
                """);
        Path file = dir.resolve("ws.grw");
        Path home = dir.resolve("ledger");
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            Ledger.attach(w, home);
            Session admin = TestWorkspaces.createWithUsers(w);
            for (Path f : List.of(csv, jsonl, array)) {
                try {
                    var r = new WorkspaceImporter(w).importFile(admin, f, MappingFile.NONE, null, null,
                            ProgressListener.NONE, CancellationToken.NONE);
                    messages.addAll(r.imported().warnings());
                } catch (UserFacingException e) {
                    messages.add(e.getMessage());
                }
            }
            UserService users = new UserService(w);
            for (String typed : List.of(TestWorkspaces.CLERK, "niemand")) {
                assertThatThrownBy(() -> users.login(typed, "Falsch-Falsch-1".toCharArray()))
                        .isInstanceOf(UserFacingException.class)
                        .satisfies(e -> messages.add(e.getMessage()));
            }
            Session bernd = users.login(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
            // the match fails: the store was edited past the workbench, so the ledger refuses the run's write
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = c.createStatement()) {
                s.execute("UPDATE sources SET imported_by = 'dora'");
            }
            assertThatThrownBy(() -> new WorkspaceMatcher(w).run(bernd, null, ProgressListener.NONE,
                    CancellationToken.NONE))
                    .isInstanceOf(UserFacingException.class)
                    .satisfies(e -> messages.add(e.getMessage()));
        }
        // the bad input was met (so the scan below looked at real problems)
        assertThat(String.join("\n", messages)).contains("kfz.json").contains("line 2");
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("rows rejected"))
                .anyMatch(m -> m.contains("sign-in refused"))
                .anyMatch(m -> m.contains("refused by the ledger"));

        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent e : events.list) {
            scan("log " + e.getLoggerName(), e.getFormattedMessage(), leaks);
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                scan("log exception " + t.getClassName(), t.getMessage(), leaks);
            }
        }
        for (String m : messages) {
            scan("message", m, leaks);
        }
        assertThat(leaks).isEmpty();
    }

    private static void scan(String where, String text, List<String> leaks) {
        if (text == null) {
            return;
        }
        for (String v : VALUES) {
            if (text.contains(v)) {
                leaks.add(where + " holds '" + v + "': " + text);
            }
        }
    }
}
