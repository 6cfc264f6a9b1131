package de.grw.importing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where the cells of one source column go. As JSON (an import's result sent to a client) it carries its kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "target")
@JsonSubTypes({@JsonSubTypes.Type(value = ColumnTarget.Field.class, name = "field"),
    @JsonSubTypes.Type(value = ColumnTarget.DatePart.class, name = "date_part"),
    @JsonSubTypes.Type(value = ColumnTarget.Composite.class, name = "composite"),
    @JsonSubTypes.Type(value = ColumnTarget.Extra.class, name = "extra")})
public sealed interface ColumnTarget {

    /** A short text for the printed mapping, e.g. {@code family_name} or {@code birth_date (day)}. */
    String describe();

    /** The column fills a field; several columns of one field are joined with a blank in column order. */
    record Field(String field) implements ColumnTarget {
        @Override
        public String describe() {
            return field;
        }
    }

    /** The column holds one part ({@code year}, {@code month}, {@code day}) of a date field. */
    record DatePart(String field, String part) implements ColumnTarget {
        @Override
        public String describe() {
            return field + " (" + part + ")";
        }
    }

    /** The column holds several fields and is taken apart by a splitter (e.g. {@code Nachname, Vorname}). */
    record Composite(String composite) implements ColumnTarget {
        @Override
        public String describe() {
            return composite + " (split)";
        }
    }

    /** The column maps to no field; its cells stay with the record and are shown, but not compared. */
    record Extra() implements ColumnTarget {
        @Override
        public String describe() {
            return "(kept, not compared)";
        }
    }

    /** Parses the text form used in mapping files: {@code family_name}, {@code birth_date.year}, {@code extra}. */
    static ColumnTarget parse(String text, de.grw.profile.MatchProfile profile) {
        if (text == null || text.isBlank() || text.equals("extra") || text.equals("ignore")) {
            return new Extra();
        }
        int dot = text.indexOf('.');
        if (dot > 0) {
            String field = text.substring(0, dot);
            String part = text.substring(dot + 1);
            if (profile.field(field).isPresent() && (part.equals("year") || part.equals("month")
                    || part.equals("day"))) {
                return new DatePart(field, part);
            }
        }
        if (profile.field(text).isPresent()) {
            return new Field(text);
        }
        if (profile.composites().stream().anyMatch(c -> c.name().equals(text))) {
            return new Composite(text);
        }
        return null;
    }
}
