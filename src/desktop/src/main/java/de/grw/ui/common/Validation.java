package de.grw.ui.common;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.control.Control;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The forms' field checks, with ControlsFX's {@link ValidationSupport}: a field that is missing or malformed gets
 * the library's decoration at once, with the reason as its tooltip (in the user's language), before the user sends
 * the form. The engine checks again; this only tells earlier.
 */
public final class Validation {
    private final ValidationSupport support = new ValidationSupport();

    /** Whether every registered field is valid now. */
    public javafx.beans.value.ObservableBooleanValue invalidProperty() {
        return support.invalidProperty();
    }

    /** The field must not be blank while {@code applies} holds (e.g. only when the settings demand it). */
    public Validation required(Control field, String message, BooleanSupplier applies) {
        return rule(field, text -> !applies.getAsBoolean() || text != null && !text.isBlank(), message);
    }

    /** The field's text must pass the test. */
    public Validation rule(Control field, Predicate<String> valid, String message) {
        support.registerValidator(field, false, (Control c, Object value) -> ValidationResult.fromMessageIf(c, message,
                Severity.ERROR, !valid.test(value == null ? null : value.toString())));
        return this;
    }

    /** Checks all fields again (after something they depend on changed, e.g. a radio button). */
    public void revalidate() {
        support.revalidate();
    }
}
