package de.grw.bench;

import de.grw.synthetic.Population;
import picocli.CommandLine;

/** Reads {@code --population classic|realistic}, with the list of known names in the error. */
final class PopulationConverter implements CommandLine.ITypeConverter<Population> {
    @Override
    public Population convert(String value) {
        try {
            return Population.of(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
