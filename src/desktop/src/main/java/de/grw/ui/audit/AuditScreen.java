package de.grw.ui.audit;

import de.grw.api.AccessEntry;
import de.grw.journal.JournalEntry;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import de.grw.rights.Permission;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The journal and the access log with filters, and the one-click verification of the journal chain. */
public final class AuditScreen extends ViewModelScreen<AuditViewModel> {
    private Tab accessTab;

    public AuditScreen(AppContext ctx) {
        super(ctx, new AuditViewModel(ctx), "nav.audit", Permission.VERIFY);
    }

    @Override
    public void activated() {
        accessTab.setDisable(!vm.mayReadAccessLog());
        vm.refresh();
    }

    /** Width of the user columns: a user name of 15 letters ("sachbearbeitung") whole. */
    private static final double WHO = 150;

    @Override
    protected Node build() {
        I18n t = ctx.i18n();
        TextField user = field("audit-user", t.get("audit.user"), 10);
        user.textProperty().bindBidirectional(vm.userProperty());
        TextField from = field("audit-from", t.get("audit.from"), 10);
        from.textProperty().bindBidirectional(vm.fromProperty());
        TextField to = field("audit-to", t.get("audit.to"), 10);
        to.textProperty().bindBidirectional(vm.toProperty());
        TextField person = field("audit-person", t.get("audit.person"), 12);
        person.textProperty().bindBidirectional(vm.personProperty());
        Button filter = new Button(t.get("audit.filter"));
        filter.setId("audit-filter");
        filter.setDefaultButton(true);
        filter.setOnAction(e -> vm.refresh());
        Button verify = new Button(t.get("audit.verify"));
        verify.setId("audit-verify");
        verify.getStyleClass().add("accent");
        verify.setOnAction(e -> vm.verify());
        Label verification = new Label();
        verification.setId("audit-verification");
        verification.setWrapText(true);
        verification.textProperty().bind(vm.verificationProperty());
        Label message = new Label();
        message.setId("audit-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        // an empty check result or message takes no room above the tables
        for (Label l : java.util.List.of(verification, message)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        filter.setMinWidth(Control.USE_PREF_SIZE);
        verify.setMinWidth(Control.USE_PREF_SIZE);
        for (TextField f : java.util.List.of(user, from, to, person)) {
            de.grw.ui.common.Fit.prompt(f);
        }
        // the filters wrap onto a second line in a narrow window, each field as wide as its prompt
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(8, 6, user, from, to, person, filter,
                verify);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<JournalEntry> journal = new TableView<>(vm.journal());
        journal.setId("audit-journal");
        de.grw.journal.JournalSentences words = new de.grw.journal.JournalSentences(t.locale(),
                java.time.ZoneId.systemDefault());
        java.time.format.DateTimeFormatter local = timeFormat(t.locale(), java.time.ZoneId.systemDefault());
        journal.getColumns().add(column(t.get("audit.seq"), e -> Long.toString(e.seq()), 60));
        journal.getColumns().add(column(t.get("audit.at"), e -> localTime(local, e.at()), 195));
        TableColumn<JournalEntry, String> event = column(t.get("audit.event"), words::journal, 520);
        event.setId("audit-journal-event");
        wrapping(event);
        journal.getColumns().add(event);
        // who and what kind of entry are read whole (a user name of 15 letters, "Modellversion aktiviert")
        journal.getColumns().add(column(t.get("audit.who"), JournalEntry::user, WHO));
        journal.getColumns().add(column(t.get("audit.action"), e -> t.get("action." + e.action()), 230));
        journal.getColumns().add(column(t.get("audit.details"), JournalEntry::payload, 420));
        journal.getColumns().add(column(t.get("audit.hash"), e -> e.hash().substring(0, 12) + "…", 120));

        TableView<AccessEntry> access = new TableView<>(vm.access());
        access.setId("audit-access");
        access.getColumns().add(column(t.get("audit.at"), e -> localTime(local, e.at()), 195));
        TableColumn<AccessEntry, String> accessEvent = column(t.get("audit.event"), e -> words.access(e.at(),
                e.user(), e.action(), e.caseRef(), e.detail(), e.recordIds()), 520);
        accessEvent.setId("audit-access-event");
        wrapping(accessEvent);
        access.getColumns().add(accessEvent);
        access.getColumns().add(column(t.get("audit.who"), AccessEntry::user, WHO));
        access.getColumns().add(column(t.get("audit.action"), AccessEntry::action, 150));
        access.getColumns().add(column(t.get("audit.case"), AccessEntry::caseRef, 140));
        access.getColumns().add(column(t.get("audit.what"), AccessEntry::detail, 200));
        access.getColumns().add(column(t.get("audit.records"), e -> e.recordIds().toString(), 300));

        Tab journalTab = new Tab(t.get("audit.journal"), journal);
        journalTab.setClosable(false);
        accessTab = new Tab(t.get("audit.accessLog"), access);
        accessTab.setClosable(false);
        accessTab.setId("audit-access-tab");
        TabPane tabs = new TabPane(journalTab, accessTab);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return new VBox(8, filters, verification, message, tabs);
    }

    /** A column whose text wraps onto further lines instead of being cut ("…"): the sentences. */
    private static <T> void wrapping(TableColumn<T, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.getStyleClass().add("wrapping-cell-text");
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(16));
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
                setText(null);
            }
        });
    }

    /**
     * The time column's format, always on the 24-hour clock with seconds: German {@code 06.12.2026 14:05:09}, other
     * languages ISO-like {@code 2026-12-06 14:05:09} (the JDK's English medium style says "2:05:09 PM", which sorts
     * and reads badly in a log).
     */
    static java.time.format.DateTimeFormatter timeFormat(java.util.Locale locale, java.time.ZoneId zone) {
        String pattern = "de".equals(locale.getLanguage()) ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss";
        return java.time.format.DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
    }

    /** A stored UTC time in the user's zone and language; the stored text when it is none. */
    static String localTime(java.time.format.DateTimeFormatter local, String at) {
        try {
            return local.format(java.time.Instant.parse(at));
        } catch (java.time.format.DateTimeParseException e) {
            return at.replace('T', ' ');
        }
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
