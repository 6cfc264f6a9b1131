package de.grw.cli;

import de.grw.api.ReviewApi;
import de.grw.api.SignedIn;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.review.DecisionCommand;
import de.grw.review.DeferCommand;
import de.grw.review.FieldChoice;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.SplitCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw decide}: a clerk's decision on a candidate cluster. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Decides on a candidate cluster: merge (all or some records, with chosen or typed values; "
                + "takes effect when a supervisor approves it), not a duplicate (two records), split (into "
                + "groups) or defer. Record ids are the database ids that 'show' prints.")
final class DecideCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The cluster decided on.")
    long cluster;

    @Option(names = "--case", paramLabel = "AZ", description = "Case reference (Aktenzeichen); required for merge, "
            + "not-duplicate and split by the default settings.")
    String caseRef;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why; required for defer by the default "
            + "settings.")
    String comment;

    @Option(names = "--merge", description = "Merge the records into one golden record.")
    boolean merge;

    @Option(names = "--members", split = ",", paramLabel = "ID", description = "With --merge: the records to merge "
            + "(at least two). Default: all records of the cluster.")
    List<Long> members;

    @Option(names = "--choose", paramLabel = "FIELD=RECORD", description = "With --merge: take a field's value (or a "
            + "group's, e.g. address) from this record instead of the proposal. Repeatable.")
    List<String> choose = new ArrayList<>();

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "With --merge: type a field's value (empty "
            + "for none). Repeatable.")
    List<String> set = new ArrayList<>();

    @Option(names = "--not-duplicate", split = ",", paramLabel = "A,B", description = "Records A and B are not the "
            + "same person.")
    List<Long> notDuplicate;

    @Option(names = "--split", paramLabel = "GROUPS", description = "Split the cluster into groups of records: "
            + "ids separated by commas, groups by slashes, e.g. 12,17/40.")
    String split;

    @Option(names = "--defer", description = "Put the cluster back, after the open ones.")
    boolean defer;

    @Override
    public Integer call() {
        int kinds = (merge ? 1 : 0) + (notDuplicate != null ? 1 : 0) + (split != null ? 1 : 0) + (defer ? 1 : 0);
        if (kinds != 1) {
            throw usage("choose exactly one of --merge, --not-duplicate A,B, --split GROUPS and --defer");
        }
        if (!merge && (members != null || !choose.isEmpty() || !set.isEmpty())) {
            throw usage("--members, --choose and --set belong to --merge");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Login login = options.login()) {
            ReviewApi review = login.signedIn().review();
            DecisionCommand command = command(login.signedIn());
            DecisionView d = review.propose(cluster, command, comment, caseRef);
            if (d.state().name().equals("PENDING")) {
                out.printf("decision %d: %s; proposed, waits for a supervisor's approval (four-eyes principle)%n",
                        d.id(), command.describe());
            } else {
                out.printf("decision %d: %s; in effect%n", d.id(), command.describe());
            }
        }
        return 0;
    }

    private DecisionCommand command(SignedIn signedIn) {
        try {
            if (defer) {
                return new DeferCommand();
            }
            if (notDuplicate != null) {
                if (notDuplicate.size() != 2) {
                    throw usage("--not-duplicate takes two record ids, e.g. --not-duplicate 12,17");
                }
                return new NotDuplicateCommand(notDuplicate.get(0), notDuplicate.get(1));
            }
            if (split != null) {
                return new SplitCommand(groups(split));
            }
            List<Long> ids = members != null ? members : signedIn.review().memberIds(cluster);
            return new MergeCommand(ids, choices(signedIn.governance().profile(), signedIn.governance().settings()
                    .survivorship().groups().keySet().stream().toList()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Map<String, FieldChoice> choices(MatchProfile profile, List<String> groups) {
        Map<String, FieldChoice> out = new LinkedHashMap<>();
        for (String c : choose) {
            String[] kv = keyValue(c, "--choose");
            if (!groups.contains(kv[0])) {
                field(profile, kv[0]);
            }
            try {
                put(out, kv[0], new FieldChoice.FromRecord(Long.parseLong(kv[1].strip())));
            } catch (NumberFormatException e) {
                throw usage("--choose " + c + ": after the = comes a record id (a number)");
            }
        }
        for (String s : set) {
            String[] kv = keyValue(s, "--set");
            field(profile, kv[0]);
            put(out, kv[0], new FieldChoice.Manual(kv[1].isEmpty() ? null : kv[1]));
        }
        return out;
    }

    private void put(Map<String, FieldChoice> choices, String field, FieldChoice choice) {
        if (choices.put(field, choice) != null) {
            throw usage(field + " is chosen twice");
        }
    }

    private void field(MatchProfile profile, String name) {
        FieldSpec f = profile.field(name).orElse(null);
        if (f == null || f.type() == FieldType.ID) {
            throw usage("unknown field '" + name + "'; fields: " + String.join(", ", profile.fields().stream()
                    .filter(x -> x.type() != FieldType.ID).map(FieldSpec::name).toList()));
        }
    }

    private String[] keyValue(String text, String option) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw usage(option + " " + text + ": expected FIELD=" + (option.equals("--set") ? "VALUE" : "RECORD"));
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1)};
    }

    private List<List<Long>> groups(String text) {
        List<List<Long>> out = new ArrayList<>();
        for (String group : text.split("/", -1)) {
            List<Long> ids = new ArrayList<>();
            for (String id : group.split(",", -1)) {
                try {
                    ids.add(Long.parseLong(id.strip()));
                } catch (NumberFormatException e) {
                    throw usage("--split " + text + ": record ids separated by commas, groups by slashes, e.g. "
                            + "12,17/40");
                }
            }
            out.add(ids);
        }
        return out;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
