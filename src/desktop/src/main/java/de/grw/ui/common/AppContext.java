package de.grw.ui.common;

import java.util.function.Consumer;

/**
 * What every screen needs: texts, the model, the task runner, the user's settings, and a way to report errors.
 *
 * @param i18n     texts in the chosen language
 * @param model    the open workspace and the signed-in user
 * @param tasks    runs engine work in the background
 * @param settings the user's settings
 * @param errors   shows an error to the user (a readable message, never a stack trace)
 * @param navigate switches to another screen by its title key
 * @param reload   rebuilds the window with the saved settings (language, font size), keeping workspace and user
 */
public record AppContext(I18n i18n, WorkbenchModel model, TaskRunner tasks, UserSettings settings,
                         Consumer<Throwable> errors, Consumer<String> navigate, Runnable reload) {

    /** A context that cannot rebuild its window (for tests and tools). */
    public AppContext(I18n i18n, WorkbenchModel model, TaskRunner tasks, UserSettings settings,
                      Consumer<Throwable> errors, Consumer<String> navigate) {
        this(i18n, model, tasks, settings, errors, navigate, () -> { });
    }
}
