package de.grw.cli;

import de.grw.review.ReviewViews;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw show}: a cluster or a golden record with its records side by side; logged in the access log. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows a candidate cluster (records side by side, the proposed golden record, the pair "
                + "explanations and the decisions) or a golden record (values with their origin, and its "
                + "records). Every display is logged in the access log with the case reference. Names and "
                + "addresses under a blocking notice stay masked (***) for users without the right to see "
                + "them.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--cluster", paramLabel = "ID", description = "A candidate cluster (see queue).")
        Long cluster;

        @Option(names = "--golden", paramLabel = "G-ID", description = "A golden record, e.g. G-000001.")
        String golden;
    }

    @Option(names = "--case", paramLabel = "AZ", description = "Case reference (Aktenzeichen) for the access log.")
    String caseRef;

    @Option(names = "--width", paramLabel = "N", defaultValue = "28",
            description = "Cut cells longer than N characters; 0 for no limit. Default: ${DEFAULT-VALUE}.")
    int width;

    @Override
    public Integer call() {
        try (Login login = options.login()) {
            var review = login.signedIn().review();
            ViewPrinter printer = new ViewPrinter(spec.commandLine().getOut(), width);
            if (target.cluster != null) {
                ReviewViews.ClusterView view = review.show(target.cluster, caseRef);
                printer.cluster(view, review.comparisons().cluster(view, null, java.util.Map.of()), caseRef);
                review.claimOf(target.cluster).filter(c -> !c.mine()).ifPresent(c -> spec.commandLine().getOut()
                        .printf("read-only: cluster %d is being reviewed by %s until %s; decisions on it are refused "
                                + "until then%n", c.clusterId(), c.user(), java.time.format.DateTimeFormatter
                                .ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                                .format(java.time.Instant.parse(c.until()))));
            } else {
                ReviewViews.GoldenView view = review.golden(target.golden.strip(), caseRef);
                printer.golden(view, review.comparisons().golden(view), caseRef);
            }
        }
        return 0;
    }
}
