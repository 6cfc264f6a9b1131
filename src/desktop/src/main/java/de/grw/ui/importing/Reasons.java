package de.grw.ui.importing;

import de.grw.profile.MatchProfile;
import de.grw.ui.common.I18n;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts the engine's reasons for a suggested target (English, for the log) into the user's language. */
final class Reasons {
    private static final Pattern HEADER = Pattern.compile("\\(header matches '(.*)'\\)");
    private static final Pattern NUMBERED = Pattern.compile("\\(part (\\d+) of a numbered column group\\)");
    private static final Pattern HOLDS = Pattern.compile("\\(combined header beside separate columns: holds (.*)\\)");
    private static final Pattern ALSO = Pattern.compile("\\(also looks like (.*); column \"(.*)\" is used\\)");

    private Reasons() {
    }

    static String localise(String reason, MatchProfile profile, I18n i18n) {
        if (reason == null) {
            return "";
        }
        Matcher m = HEADER.matcher(reason);
        if (m.matches()) {
            return i18n.get("reason.header", m.group(1));
        }
        m = NUMBERED.matcher(reason);
        if (m.matches()) {
            return i18n.get("reason.numbered", m.group(1));
        }
        m = HOLDS.matcher(reason);
        if (m.matches()) {
            String field = m.group(1);
            return i18n.get("reason.holds", profile.field(field).map(f -> f.label(i18n.locale().getLanguage()))
                    .orElse(field));
        }
        m = ALSO.matcher(reason);
        if (m.matches()) {
            return i18n.get("reason.also", m.group(1), m.group(2));
        }
        return switch (reason) {
            case "(no matching field)" -> i18n.get("reason.none");
            case "(mapping file)" -> i18n.get("reason.mappingFile");
            case "(combined column, but its parts have columns of their own)" -> i18n.get("reason.partsOwnColumns");
            default -> reason;
        };
    }
}
