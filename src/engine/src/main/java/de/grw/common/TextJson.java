package de.grw.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link Text} as JSON, {@code {"key": "...", "args": ["...", {"key": ...}]}}, for storing it with its record. */
public final class TextJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TextJson() {
    }

    public static String write(Text text) {
        return node(text).toString();
    }

    /** The text stored, or null when {@code json} is null or not a stored text. */
    public static Text read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return text(MAPPER.readTree(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode node(Text text) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("key", text.key());
        ArrayNode args = n.putArray("args");
        for (Object a : text.args()) {
            if (a instanceof Text t) {
                args.add(node(t));
            } else {
                args.add(String.valueOf(a));
            }
        }
        return n;
    }

    private static Text text(JsonNode n) {
        if (!n.isObject() || !n.path("key").isTextual() || !n.path("args").isArray()) {
            throw new IllegalArgumentException("not a stored text");
        }
        Object[] args = new Object[n.get("args").size()];
        for (int i = 0; i < args.length; i++) {
            JsonNode a = n.get("args").get(i);
            args[i] = a.isObject() ? text(a) : a.asText();
        }
        return Text.of(n.get("key").asText(), args);
    }
}
