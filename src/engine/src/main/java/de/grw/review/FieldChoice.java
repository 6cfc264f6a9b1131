package de.grw.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A clerk's choice for one field of a golden record: another member's value, or a typed correction. Stored in a
 * merge's payload as {@code {"record":id}} or {@code {"value":text}} (the kind is told by the property present).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(FieldChoice.FromRecord.class), @JsonSubTypes.Type(FieldChoice.Manual.class)})
public sealed interface FieldChoice {
    /** Take the value of this member record (its database id). */
    record FromRecord(@JsonProperty("record") long recordId) implements FieldChoice {
    }

    /** Use this value, typed by the clerk ({@code null} clears the field). */
    record Manual(@JsonProperty("value") String value) implements FieldChoice {
    }
}
