package de.grw.users;

/** A name someone typed, fit for a log line or the access log: no control characters, at most 64 characters. */
final class LogSafe {
    private LogSafe() {
    }

    static String name(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        typed.codePoints().limit(64).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT ? '?' : cp));
        return b.toString();
    }
}
