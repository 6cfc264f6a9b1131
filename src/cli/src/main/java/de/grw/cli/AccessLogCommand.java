package de.grw.cli;

import de.grw.api.AccessEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw access-log}: who saw or exported which person's data, when, and for which case. */
@Command(name = "access-log", mixinStandardHelpOptions = true,
        description = "Lists displays and exports of records, newest first: when, who, what, for which case, "
                + "which records. Filter by person (a record id, source:record_key or golden record id) and "
                + "by user. Needs the right to read the access log (supervisors, administrators). Each entry is "
                + "said in a sentence (English, or German with --language de; local time); --json shows the "
                + "stored detail instead.")
final class AccessLogCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Option(names = "--person", paramLabel = "ID", description = "A record id (12), source:record_key "
            + "(melderegister:100000003) or golden record id (G-000001).")
    String person;

    @Option(names = "--by-user", paramLabel = "NAME", description = "Only accesses by this user.")
    String byUser;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N entries; 0 for all.")
    int limit;

    @Option(names = "--json", description = "The stored detail instead of a sentence.")
    boolean json;

    @Option(names = "--language", paramLabel = "LANG", defaultValue = "en", description = "The sentences' "
            + "language: en or de.")
    String language;

    /** The sentences' language: German for {@code de}, else English. */
    static java.util.Locale locale(String language) {
        return language != null && language.strip().toLowerCase(java.util.Locale.ROOT).startsWith("de")
                ? java.util.Locale.GERMAN : java.util.Locale.ENGLISH;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Login login = options.login()) {
            List<AccessEntry> entries = login.signedIn().accessLog().query(person, byUser, limit);
            TextTable table = new TextTable(0);
            de.grw.journal.JournalSentences words = new de.grw.journal.JournalSentences(locale(language),
                    java.time.ZoneId.systemDefault());
            table.row("at", "user", "action", "case", "records", json ? "detail" : "what happened");
            for (AccessEntry e : entries) {
                table.row(e.at(), e.user(), e.action(), e.caseRef().isEmpty() ? "-" : e.caseRef(),
                        ids(e.recordIds()), json ? e.detail() : words.access(e.at(), e.user(), e.action(),
                                e.caseRef(), e.detail(), e.recordIds()));
            }
            table.print(out);
            out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries"));
        }
        return 0;
    }

    /** Record ids, shortened when an export lists very many. */
    private static String ids(List<Long> ids) {
        String all = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (ids.size() <= 12) {
            return all;
        }
        return ids.subList(0, 10).stream().map(String::valueOf).collect(Collectors.joining(",")) + ",... ("
                + ids.size() + " records)";
    }
}
