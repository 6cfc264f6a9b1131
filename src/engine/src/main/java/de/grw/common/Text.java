package de.grw.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A message of the engine for users, by key, so that each front end shows it in its language: the command line in
 * English, the desktop in German or English. The texts are in {@code de/grw/common/texts.properties} (English) and
 * {@code texts_de.properties} (German); arguments ({@code {0}}, {@code {1}}, ...) are shown as they are, numbers
 * without grouping, because they are mostly ids.
 * <p>
 * As JSON (a server's error sent to a client) a text is {@code {"key": "...", "args": ["...", {"key": ...}]}}, the
 * form {@link TextJson} stores.
 *
 * @param key  the key in the bundles
 * @param args the arguments: text, or a {@code Text} shown in the same language
 */
public record Text(String key, Object[] args) implements Serializable {
    /** Base name of the engine's bundles. */
    public static final String BUNDLE = "de.grw.common.texts";

    public Text {
        args = args.clone();
    }

    /** Reads the JSON form: arguments are texts (objects) or plain values. */
    @JsonCreator
    static Text fromJson(@JsonProperty("key") String key, @JsonProperty("args") java.util.List<Object> args) {
        Object[] read = new Object[args == null ? 0 : args.size()];
        for (int i = 0; i < read.length; i++) {
            Object a = args.get(i);
            if (a instanceof java.util.Map<?, ?> m) {
                Object nested = m.get("args");
                read[i] = fromJson(String.valueOf(m.get("key")), nested instanceof java.util.List<?> l
                        ? new java.util.ArrayList<>(l) : java.util.List.of());
            } else {
                read[i] = String.valueOf(a);
            }
        }
        return of(key, read);
    }

    public static Text of(String key, Object... args) {
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i] instanceof Text t ? t : String.valueOf(args[i]);
        }
        return new Text(key, text);
    }

    /** The message in the given language; English for languages without a bundle. */
    public String in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Text t ? t.in(locale) : args[i];
        }
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "! " + Arrays.toString(shown);
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(shown);
    }

    /** The message in English, as the command line and the log show it. */
    public String english() {
        return in(Locale.ROOT);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && t.key.equals(key) && Arrays.equals(t.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return english();
    }
}
