package de.grw.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Keeps file names, addresses and lists whole when picocli wraps the help: its line breaking (Java's line
 * {@link java.text.BreakIterator}) breaks after a dot, colon, slash or comma inside a word, which printed
 * "journal. jsonl" and "https:// host:port". While the help is laid out, a zero-width no-break space glues such a
 * character to its neighbours; it is taken out again before anything is printed.
 */
public final class HelpWrapping {
    /** ZERO WIDTH NO-BREAK SPACE: the line breaking never breaks beside it. */
    private static final String GLUE = "\uFEFF";
    /** A punctuation character inside a word (no blank on either side). */
    private static final Pattern INSIDE = Pattern.compile("(?<=\\S)([.:/,;=@()\\[\\]])(?=\\S)");

    private HelpWrapping() {
    }

    /** Applies to the command and all its subcommands (the command line's and the developer tool's). */
    public static void keepWordsWhole(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String[] description = spec.usageMessage().description();
        String[] glued = new String[description.length];
        for (int i = 0; i < description.length; i++) {
            glued[i] = glue(description[i]);
        }
        spec.usageMessage().description(glued);
        cl.setHelpFactory((s, scheme) -> new Help(s, scheme) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer plain = super.createDefaultOptionRenderer();
                return (option, labels, colors) -> glueLast(plain.render(option, labels, colors), colors);
            }

            @Override
            public IParameterRenderer createDefaultParameterRenderer() {
                IParameterRenderer plain = super.createDefaultParameterRenderer();
                return (param, labels, colors) -> glueLast(plain.render(param, labels, colors), colors);
            }
        });
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
        cl.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, help -> unglue(renderer.render(help))));
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl && sub.getHelpSectionMap() != null && !glued(sub)) {
                keepWordsWhole(sub);
            }
        }
    }

    private static boolean glued(CommandLine cl) {
        for (String d : cl.getCommandSpec().usageMessage().description()) {
            if (d.contains(GLUE)) {
                return true;
            }
        }
        return false;
    }

    static String glue(String text) {
        // after the character only: the line breaking breaks after such a character, not before it
        return text == null ? null : INSIDE.matcher(text).replaceAll("$1" + GLUE);
    }

    static String unglue(String text) {
        return text == null ? null : text.replace(GLUE, "");
    }

    /** The description column (the last) of each row, glued. */
    private static Text[][] glueLast(Text[][] rows, Help.ColorScheme colors) {
        for (Text[] row : rows) {
            int last = row.length - 1;
            if (last >= 0 && row[last] != null) {
                row[last] = colors.text(glue(row[last].plainString()));
            }
        }
        return rows;
    }
}
