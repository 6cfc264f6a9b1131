package de.grw.ui.audit;

import de.grw.api.AccessEntry;
import de.grw.journal.JournalEntry;
import java.util.List;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.rights.Permission;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The journal and the access log, filtered by user, date and person; the journal chain verified on request. */
public final class AuditViewModel {
    private final AppContext ctx;
    private final ObservableList<JournalEntry> journal = FXCollections.observableArrayList();
    private final ObservableList<AccessEntry> access = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty person = new SimpleStringProperty("");
    private final StringProperty verification = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public AuditViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    public boolean mayReadAccessLog() {
        return ctx.model().signedIn() != null && ctx.model().signedIn().may(Permission.READ_ACCESS_LOG);
    }

    /** The lists read, and what could not be read because the server does not offer it yet (or empty). */
    private record Loaded(List<JournalEntry> journal, List<AccessEntry> access, String notice) {
    }

    /**
     * Applies the filters to both lists (read in the background). Each list is read on its own: where a server
     * does not offer one yet, the other is shown all the same, with a note.
     */
    public void refresh() {
        var signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            return;
        }
        var journalApi = signedIn.journal();
        var accessLog = signedIn.accessLog();
        boolean mayReadAccessLog = mayReadAccessLog();
        String userFilter = user.get();
        String fromFilter = from.get();
        String toFilter = to.get();
        String personFilter = person.get();
        ctx.tasks().call(ctx.i18n().get("nav.audit"), () -> {
            List<String> notices = new java.util.ArrayList<>();
            List<JournalEntry> entries = offered(() -> journalApi.entries(userFilter, fromFilter, toFilter,
                    personFilter), notices);
            List<AccessEntry> accesses = !mayReadAccessLog ? List.of() : offered(() -> accessLog.query(
                    blankToNull(personFilter), blankToNull(userFilter), 0).stream()
                    .filter(e -> inRange(e.at(), fromFilter, toFilter)).toList(), notices);
            return new Loaded(entries, accesses, String.join(" ", notices));
        }, loaded -> {
            journal.setAll(loaded.journal());
            access.setAll(loaded.access());
            message.set(loaded.notice());
        }, e -> message.set(Errors.message(e, ctx.i18n())));
    }

    /** A list read, or none with a note where the server does not offer it yet. */
    private <T> List<T> offered(java.util.function.Supplier<List<T>> read, List<String> notices) {
        try {
            return read.get();
        } catch (de.grw.common.UserFacingException e) {
            if (Errors.notOffered(e) == null) {
                throw e;
            }
            notices.add(Errors.message(e, ctx.i18n()));
            return List.of();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean inRange(String at, String from, String to) {
        String day = at.substring(0, Math.min(10, at.length()));
        return (from.isBlank() || at.compareTo(from.trim()) >= 0)
                && (to.isBlank() || day.compareTo(to.trim()) <= 0);
    }

    /** Verifies the whole journal chain (in the background) and reports the result. */
    public void verify() {
        var signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            return;
        }
        var journalApi = signedIn.journal();
        ctx.tasks().call(ctx.i18n().get("nav.audit"), journalApi::verify,
                r -> verification.set(r.ok() ? ctx.i18n().get("audit.intact", r.entries(), r.headHash())
                        : ctx.i18n().get("audit.damaged", r.firstBad(), r.problem())),
                e -> verification.set(Errors.message(e, ctx.i18n())));
    }

    public ObservableList<JournalEntry> journal() {
        return journal;
    }

    public ObservableList<AccessEntry> access() {
        return access;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty personProperty() {
        return person;
    }

    public StringProperty verificationProperty() {
        return verification;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
