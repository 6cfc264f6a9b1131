package de.grw.ui;

/**
 * Why the window toolkit could not start, in one line a person can act on (German, then English), instead of the
 * stack trace JavaFX throws: a missing GTK 3 library names the Debian package, a missing display says to use the
 * command line. Null for any other failure, which is not the toolkit's.
 */
final class ToolkitFailure {
    /** Exit code of a desktop that could not open its window. */
    static final int EXIT_NO_WINDOW = 3;

    private ToolkitFailure() {
    }

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Unable to load glass GTK library") || t instanceof UnsatisfiedLinkError
                    && m.contains("gtk")) {
                return "Fehler: Die Oberfläche kann nicht starten, die Bibliothek GTK 3 fehlt; bitte das Paket "
                        + "libgtk-3-0 installieren (sudo apt-get install libgtk-3-0). / Error: the desktop cannot "
                        + "start, the GTK 3 library is missing; install the package libgtk-3-0 (sudo apt-get "
                        + "install libgtk-3-0).";
            }
            if (m.contains("Unable to open DISPLAY")) {
                return "Fehler: Die Oberfläche kann nicht starten, es ist kein Bildschirm erreichbar (DISPLAY); "
                        + "ohne Bildschirm die Kommandozeile nutzen: java -jar grw.jar --help / Error: the desktop "
                        + "cannot start, no display is reachable (DISPLAY); without a display use the command line: "
                        + "java -jar grw.jar --help";
            }
            if (t instanceof UnsatisfiedLinkError) {
                return "Fehler: Die Oberfläche kann nicht starten, eine Systembibliothek fehlt (" + m + "); unter "
                        + "Debian/Ubuntu: sudo apt-get install libgtk-3-0 libgl1 libxtst6 / Error: the desktop "
                        + "cannot start, a system library is missing (" + m + "); on Debian/Ubuntu: sudo apt-get "
                        + "install libgtk-3-0 libgl1 libxtst6";
            }
        }
        return null;
    }
}
