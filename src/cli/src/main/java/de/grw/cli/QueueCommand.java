package de.grw.cli;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw queue}: the candidate clusters waiting for review, without personal data. */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Lists candidate clusters for review, the most uncertain first (open before deferred). "
                + "Shows no personal data: cluster id, status, size, match probabilities and the note.")
final class QueueCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "Statuses to list: open, deferred, "
            + "awaiting_approval, merged, not_duplicate, split, superseded. Default: open,deferred.")
    List<String> statuses;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N clusters; 0 for all. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public Integer call() {
        Set<ClusterStatus> wanted = EnumSet.noneOf(ClusterStatus.class);
        if (statuses != null) {
            for (String s : statuses) {
                try {
                    wanted.add(ClusterStatus.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown status '" + s + "' (open, "
                            + "deferred, awaiting_approval, merged, not_duplicate, split, superseded)");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Login login = options.login()) {
            List<QueueEntry> queue = login.signedIn().review().queue(wanted, limit);
            out.printf("%-8s %-18s %5s %7s %7s  %s%n", "cluster", "status", "size", "p_min", "p_max", "note");
            for (QueueEntry e : queue) {
                out.printf(Locale.ROOT, "%-8d %-18s %5d %7.4f %7.4f  %s%n", e.clusterId(),
                        e.status().name().toLowerCase(Locale.ROOT), e.size(), e.minProbability(), e.maxProbability(),
                        e.note());
            }
            if (queue.isEmpty()) {
                out.println("(no clusters)");
            }
        }
        return 0;
    }
}
