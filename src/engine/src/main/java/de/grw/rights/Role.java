package de.grw.rights;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the workbench and the rights each holds. */
public enum Role {
    /** Sachbearbeitung: imports, matches, reviews and proposes decisions. */
    CLERK(EnumSet.of(Permission.IMPORT, Permission.MATCH, Permission.VIEW_RECORDS, Permission.DECIDE,
            Permission.REVERT_OWN, Permission.VERIFY, Permission.LINK, Permission.LINK_STORE)),
    /** Vorgesetzte: everything a clerk may, plus approving merges, seeing blocked records and exporting. */
    SUPERVISOR(EnumSet.of(Permission.IMPORT, Permission.MATCH, Permission.VIEW_RECORDS, Permission.DECIDE,
            Permission.REVERT_OWN, Permission.REVERT_ANY, Permission.APPROVE, Permission.VIEW_BLOCKED,
            Permission.EXPORT, Permission.EXPORT_BLOCKED, Permission.READ_ACCESS_LOG, Permission.VERIFY,
            Permission.LINK, Permission.LINK_STORE, Permission.ACTIVATE_MODEL)),
    /** Administration: accounts, settings, imports, matches, exports for central IT; no review or approval. */
    ADMINISTRATOR(EnumSet.of(Permission.MANAGE_USERS, Permission.MANAGE_SETTINGS, Permission.IMPORT,
            Permission.MATCH, Permission.EXPORT, Permission.READ_ACCESS_LOG, Permission.VERIFY)),
    /**
     * Schnittstelle: an account of another application (a Fachverfahren) that links records in real time, searches
     * and reads golden records, always with a case reference; nothing else (no review, no records beyond the
     * answers, no blocked person unmasked, no import, match, export or settings).
     */
    API(EnumSet.of(Permission.LINK)),
    /**
     * Schnittstelle mit Speichern: what {@link #API} may, and storing a linked record as a new record of an existing
     * source (it enters the review queue with its candidates when it is not certain; a clerk and a supervisor decide).
     */
    API_STORE(EnumSet.of(Permission.LINK, Permission.LINK_STORE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Everything the role may do. */
    public Set<Permission> permissions() {
        return java.util.Collections.unmodifiableSet(permissions);
    }

    /** Parses a role name as users type it ({@code clerk}, {@code Sachbearbeitung}, {@code supervisor}, ...). */
    public static Role parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "clerk": case "sachbearbeitung": case "sachbearbeiter": case "sachbearbeiterin":
                return CLERK;
            case "supervisor": case "vorgesetzte": case "vorgesetzter":
                return SUPERVISOR;
            case "administrator": case "admin": case "administration":
                return ADMINISTRATOR;
            case "api": case "schnittstelle": case "application": case "anwendung":
                return API;
            case "api-store": case "api_store": case "apistore": case "schnittstelle-speichern":
            case "application-store": case "anwendung-speichern":
                return API_STORE;
            default:
                throw new IllegalArgumentException("unknown role '" + text
                        + "' (clerk, supervisor, administrator, api, api-store)");
        }
    }
}
