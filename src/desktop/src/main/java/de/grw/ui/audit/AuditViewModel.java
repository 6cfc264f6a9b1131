package de.grw.ui.audit;

import de.grw.access.AccessLog;
import de.grw.access.AccessLogService;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
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
    private final ObservableList<AccessLog.Entry> access = FXCollections.observableArrayList();
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
        return ctx.model().session() != null && ctx.model().session().may(Permission.READ_ACCESS_LOG);
    }

    /** Applies the filters to both lists. */
    public void refresh() {
        if (ctx.model().session() == null) {
            return;
        }
        try {
            journal.setAll(new JournalService(ctx.model().workspace()).entries(ctx.model().session(), user.get(),
                    from.get(), to.get(), person.get()));
            if (mayReadAccessLog()) {
                var entries = new AccessLogService(ctx.model().workspace()).query(ctx.model().session(),
                        blankToNull(person.get()), blankToNull(user.get()), 0);
                access.setAll(entries.stream().filter(e -> inRange(e.at())).toList());
            } else {
                access.clear();
            }
            message.set("");
        } catch (RuntimeException e) {
            message.set(Errors.message(e, ctx.i18n()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private boolean inRange(String at) {
        String day = at.substring(0, Math.min(10, at.length()));
        return (from.get().isBlank() || at.compareTo(from.get().trim()) >= 0)
                && (to.get().isBlank() || day.compareTo(to.get().trim()) <= 0);
    }

    /** Verifies the whole journal chain and reports the result. */
    public boolean verify() {
        try {
            JournalVerifier.Result r = new JournalService(ctx.model().workspace()).verify(ctx.model().session());
            verification.set(r.ok() ? ctx.i18n().get("audit.intact", r.entries(), r.headHash())
                    : ctx.i18n().get("audit.damaged", r.firstBad(), r.problem()));
            return r.ok();
        } catch (RuntimeException e) {
            verification.set(Errors.message(e, ctx.i18n()));
            return false;
        }
    }

    public ObservableList<JournalEntry> journal() {
        return journal;
    }

    public ObservableList<AccessLog.Entry> access() {
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
