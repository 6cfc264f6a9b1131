package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's help, rendered at the widths of real terminals: no description cut mid-sentence in a command
 * list ("three sources imported,") and no word broken at a dot ("journal. jsonl"): the rendered text, its line breaks
 * taken back, holds each description word for word.
 */
class HelpTextTest {
    private static final int[] WIDTHS = {55, 60, 70, 80, 90, 100, 120, 160};
    /**
     * Terminals of 80 columns (picocli's default) and wider: below, a JDBC URL is longer than the description column
     * and must be split somewhere.
     */
    private static final int[] WIDE = {80, 90, 100, 120, 160};

    @Test
    void everyCommandListShowsWholeSentences() {
        for (int width : WIDTHS) {
            for (CommandLine cl : all(Cli.commandLine(CliEnvironment.system()))) {
                cl.setUsageHelpWidth(width);
                List<String> entries = commandList(cl.getUsageMessage());
                for (String entry : entries) {
                    assertThat(entry).as("'%s' in the command list of '%s' at width %d", entry,
                            cl.getCommandSpec().qualifiedName(), width).endsWith(".");
                }
                assertThat(entries.size()).isEqualTo(cl.getSubcommands().size());
            }
        }
    }

    @Test
    void noWordIsBrokenAndNoDescriptionCut() {
        List<String> failures = new ArrayList<>();
        for (int width : WIDE) {
            for (CommandLine cl : all(Cli.commandLine(CliEnvironment.system()))) {
                cl.setUsageHelpWidth(width);
                String usage = cl.getUsageMessage();
                if (usage.contains("\uFEFF")) {
                    failures.add(cl.getCommandSpec().qualifiedName() + ": a layout character left in the help");
                }
                String help = collapse(usage);
                CommandSpec spec = cl.getCommandSpec();
                List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
                for (OptionSpec o : spec.options()) {
                    texts.addAll(List.of(o.description()));
                }
                for (String text : texts) {
                    String expected = collapse(text.replace("\uFEFF", ""));
                    if (!expected.contains("${") && !expected.contains("%") && !help.contains(expected)) {
                        failures.add(spec.qualifiedName() + " at width " + width + ": " + expected);
                    }
                }
                // a word split at a dot: "journal. jsonl", "golden_records. csv"
                java.util.regex.Matcher broken = java.util.regex.Pattern.compile("\\w\\. (jsonl|csv|head|grw|json|jar)\\b")
                        .matcher(help);
                if (broken.find()) {
                    failures.add(spec.qualifiedName() + " at width " + width + ": broken '" + broken.group() + "'");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theHelpUsesTheTerminalsWidth() {
        CommandLine cl = Cli.commandLine(CliEnvironment.system());
        assertThat(cl.isUsageHelpAutoWidth()).isTrue();
        for (CommandLine sub : all(cl)) {
            assertThat(sub.isUsageHelpAutoWidth()).as(sub.getCommandName()).isTrue();
        }
    }

    /** The command with all its subcommands, depth first. */
    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        out.add(root);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            out.addAll(all(e.getValue()));
        }
        return out;
    }

    /** The entries of the "Commands:" section, each with its wrapped lines joined. */
    private static List<String> commandList(String usage) {
        List<String> entries = new ArrayList<>();
        boolean in = false;
        for (String line : usage.split("\\R")) {
            if (line.equals("Commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in && line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.trim().replaceFirst("^\\S+\\s+", ""));
            } else if (in && !entries.isEmpty()) {
                int last = entries.size() - 1;
                entries.set(last, entries.get(last) + " " + line.trim());
            }
        }
        return entries;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
