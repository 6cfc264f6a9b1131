package de.grw.cli;

import de.grw.journal.JournalEntry;
import de.grw.journal.JournalSentences;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw journal}: the journal's entries, filtered by user, time and person, as an auditor reads them. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Lists the journal's entries in journal order: number, time, user, action and what changed. "
                + "Filter by user (--by-user), from and to a date or time (--from 2026-11-27, --to 2026-11-30) and "
                + "by person (a record id or golden record id). Needs the right to verify the journal; 'grw "
                + "verify' checks its hash chain. Each entry is said in a sentence (English, or German with "
                + "--language de; local time); --json shows the stored payload instead.")
final class JournalCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Option(names = "--by-user", paramLabel = "NAME", description = "Only entries by this user.")
    String byUser;

    @Option(names = "--from", paramLabel = "TIME", description = "Only entries at or after this ISO date or time.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only entries up to the end of this ISO date.")
    String to;

    @Option(names = "--person", paramLabel = "ID", description = "Only entries that mention this record id or "
            + "golden record id (G-000001).")
    String person;

    @Option(names = "--json", description = "The stored payload (JSON) instead of a sentence.")
    boolean json;

    @Option(names = "--language", paramLabel = "LANG", defaultValue = "en", description = "The sentences' "
            + "language: en or de.")
    String language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Login login = options.login()) {
            List<JournalEntry> entries = login.signedIn().journal().entries(byUser, from, to, person);
            TextTable table = new TextTable(0);
            JournalSentences words = new JournalSentences(AccessLogCommand.locale(language),
                    java.time.ZoneId.systemDefault());
            table.row("seq", "at", "user", "action", json ? "payload" : "what happened");
            for (JournalEntry e : entries) {
                table.row(Long.toString(e.seq()), e.at(), e.user(), e.action(), json ? e.payload()
                        : words.journal(e));
            }
            table.print(out);
            out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries"));
        }
        return 0;
    }
}
