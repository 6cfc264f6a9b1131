package de.grw.server.http;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.grw.review.DecisionCommand;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.SplitCommand;

/**
 * The API's JSON: Jackson, records as objects, unknown properties refused (a misspelt or smuggled field, such as a
 * user name to act as, is an error the client sees, never silently ignored). A decision travels as its command with
 * its kind, {@code {"decision":"MERGE","members":[12,17],"choices":{...}}}: the form the service interfaces of
 * {@code de.grw.api} give the command objects (a mix-in here until their annotations are part of the engine).
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addMixIn(DecisionCommand.class, DecisionCommandJson.class);

    static {
        // a merge without "choices" has none, a list left out is empty (the commands refuse null)
        MAPPER.configOverride(java.util.Map.class).setSetterInfo(
                com.fasterxml.jackson.annotation.JsonSetter.Value.forValueNulls(
                        com.fasterxml.jackson.annotation.Nulls.AS_EMPTY));
        MAPPER.configOverride(java.util.List.class).setSetterInfo(
                com.fasterxml.jackson.annotation.JsonSetter.Value.forValueNulls(
                        com.fasterxml.jackson.annotation.Nulls.AS_EMPTY));
    }

    private Json() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "decision")
    @JsonSubTypes({@JsonSubTypes.Type(value = MergeCommand.class, name = "MERGE"),
        @JsonSubTypes.Type(value = NotDuplicateCommand.class, name = "NOT_DUPLICATE"),
        @JsonSubTypes.Type(value = SplitCommand.class, name = "SPLIT"),
        @JsonSubTypes.Type(value = DeferCommand.class, name = "DEFER")})
    private interface DecisionCommandJson {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
