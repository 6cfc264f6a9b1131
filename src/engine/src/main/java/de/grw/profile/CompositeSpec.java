package de.grw.profile;

import java.util.List;

/**
 * A source column that holds several fields at once, such as {@code Nachname, Vorname} or {@code Hauptstr. 12a}.
 *
 * @param name     name of the composite (e.g. {@code full_name})
 * @param splitter registered name of the splitter that takes it apart
 * @param targets  fields the splitter fills, in the splitter's order
 * @param aliases  header names of such columns
 */
public record CompositeSpec(String name, String splitter, List<String> targets, List<String> aliases) {
    public CompositeSpec {
        targets = List.copyOf(targets);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
