package de.grw.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The texts of the desktop in the chosen language (German by default, English second). */
public final class I18n {
    /** Base name of the bundles: {@code messages.properties} (German) and {@code messages_en.properties}. */
    public static final String BUNDLE = "de.grw.ui.messages";
    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static I18n german() {
        return new I18n(Locale.GERMAN);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key; a missing key shows as {@code !key!} (and fails the bundle test). */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The text for a key with {@link MessageFormat} arguments ({0}, {1}, ...). */
    public String get(String key, Object... args) {
        MessageFormat f = new MessageFormat(get(key).replace("'", "''"), locale);
        return f.format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
