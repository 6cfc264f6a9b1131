package de.grw.common;

/**
 * A case reference (Aktenzeichen) as given with a display, a decision or an export: it says for which case a
 * person's data was seen or changed, in the access log and the journal, so it must be able to name one. A given
 * reference is refused when it holds no letter or digit ({@code .}, {@code -}, {@code ???}), contains control
 * characters, or is longer than {@value #MAX_LENGTH} characters. Blank means "none given"; whether one is required
 * is the governance settings' business.
 */
public final class CaseReference {
    /** The longest reference accepted. */
    public static final int MAX_LENGTH = 100;

    private CaseReference() {
    }

    /**
     * The reference as it is recorded: stripped, {@code ""} when none was given.
     *
     * @throws UserFacingException when a reference was given that cannot name a case
     */
    public static String check(String caseRef) {
        if (caseRef == null || caseRef.isBlank()) {
            return "";
        }
        String s = caseRef.strip();
        if (s.length() > MAX_LENGTH) {
            throw new UserFacingException(Text.of("case.too_long", MAX_LENGTH));
        }
        boolean letterOrDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new UserFacingException(Text.of("case.control", s.replaceAll("\\p{Cc}|\\p{Cf}", "?")));
            }
            letterOrDigit |= Character.isLetterOrDigit(c);
        }
        if (!letterOrDigit) {
            throw new UserFacingException(Text.of("case.meaningless", s));
        }
        return s;
    }
}
