package de.grw.ui.accounts;

import de.grw.api.Account;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Fit;
import de.grw.ui.common.I18n;
import de.grw.ui.common.Validation;
import de.grw.ui.common.ViewModelScreen;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The administrators' accounts screen (issue 14): every account with its person (personnel number or directory
 * identity), role, state, sign-in lock and whether its password is a one-time one; a new account for a person; and
 * for the selected account another role, disable or enable, and a new one-time password shown once. The navigation
 * shows it only to administrators; the engine (or the server) decides every change again and its refusal is shown
 * beside the form. Keyboard: Ctrl+8 opens it, the list takes the focus, Tab walks the actions and the form, Enter in
 * the form adds the account.
 */
public final class AccountsScreen extends ViewModelScreen<AccountsViewModel> {
    /** The engine's rule for a name (it checks again): 2 to 64 letters, digits or {@code . _ @ -}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private static final List<Role> ROLES = List.of(Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR, Role.API,
            Role.API_STORE);
    private TableView<Account> table;

    public AccountsScreen(AppContext ctx) {
        super(ctx, new AccountsViewModel(ctx), "nav.accounts", Permission.MANAGE_USERS);
    }

    @Override
    public void activated() {
        vm.refresh();
        if (table != null) {
            Platform.runLater(table::requestFocus);
        }
    }

    @Override
    protected Node build() {
        I18n t = ctx.i18n();
        Label intro = new Label(t.get("accounts.intro"));
        intro.setId("accounts-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Control.USE_PREF_SIZE);

        table = new TableView<>(vm.accounts());
        table.setId("accounts-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(t.get("accounts.none")));
        table.getColumns().add(column(t.get("accounts.name"), Account::name, 120));
        table.getColumns().add(column(t.get("accounts.person"), Account::person, 120));
        table.getColumns().add(column(t.get("accounts.role"), a -> t.get("role." + a.role().name()), 130));
        table.getColumns().add(column(t.get("accounts.state"), a -> t.get(a.disabled() ? "accounts.disabled"
                : "accounts.enabled"), 90));
        table.getColumns().add(column(t.get("accounts.lock"), a -> a.locked() ? t.get("accounts.lockedUntil",
                localTime(t, a.lockedUntil())) : "\u2013", 150));
        table.getColumns().add(column(t.get("accounts.password"), a -> t.get(a.oneTimePassword()
                ? "accounts.oneTime" : "accounts.own"), 140));
        VBox.setVgrow(table, Priority.ALWAYS);
        // headings and values whole (a name, a person, "Einmalkennwort"); sideways scrolling before "…"
        Fit.columns(table);

        // the selected account
        ComboBox<Role> newRole = roles("accounts-selected-role", t);
        Button changeRole = button("accounts-change-role", t.get("accounts.changeRole"));
        Button toggle = button("accounts-toggle", t.get("accounts.disable"));
        Button reset = button("accounts-reset", t.get("accounts.reset"));
        var selected = table.getSelectionModel().selectedItemProperty();
        selected.addListener((o, was, now) -> {
            newRole.setValue(now == null ? null : now.role());
            toggle.setText(t.get(now != null && now.disabled() ? "accounts.enable" : "accounts.disable"));
        });
        changeRole.disableProperty().bind(selected.isNull().or(newRole.valueProperty().isNull())
                .or(Bindings.createBooleanBinding(() -> selected.get() != null
                        && selected.get().role() == newRole.getValue(), selected, newRole.valueProperty())));
        toggle.disableProperty().bind(selected.isNull());
        reset.disableProperty().bind(selected.isNull());
        newRole.disableProperty().bind(selected.isNull());
        changeRole.setOnAction(e -> {
            Account a = selected.get();
            if (a != null && newRole.getValue() != null) {
                vm.setRole(a.name(), newRole.getValue());
            }
        });
        toggle.setOnAction(e -> {
            Account a = selected.get();
            if (a != null) {
                vm.setDisabled(a.name(), !a.disabled());
            }
        });
        reset.setOnAction(e -> {
            Account a = selected.get();
            if (a != null) {
                vm.resetPassword(a.name(), p -> PasswordShown.show(table.getScene().getWindow(), t, a.name(), p));
            }
        });
        // acting on the selected row (the role box says which role it has); one line at 1024 px
        FlowPane actions = new FlowPane(8, 6, newRole, changeRole, toggle, reset);
        actions.setId("accounts-actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        // a new account
        TextField name = new TextField();
        name.setId("accounts-new-name");
        name.setPromptText(t.get("accounts.newName"));
        name.setPrefColumnCount(12);
        TextField person = new TextField();
        person.setId("accounts-new-person");
        person.setPromptText(t.get("accounts.newPerson"));
        person.setPrefColumnCount(16);
        Fit.prompt(name);
        Fit.prompt(person);
        ComboBox<Role> role = roles("accounts-new-role", t);
        role.setValue(Role.CLERK);
        Button add = button("accounts-add", t.get("accounts.add"));
        add.setDefaultButton(true);
        Validation validation = new Validation()
                .rule(name, s -> s == null || s.isBlank() || NAME.matcher(s.strip()).matches(),
                        t.get("accounts.badName"))
                .rule(person, s -> s == null || s.isBlank() || s.strip().length() <= 128
                        && !s.strip().startsWith("directory:"), t.get("accounts.badPerson"));
        // empty fields are not wrong yet (no decoration), but nothing is added without both
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> !NAME.matcher(name.getText().strip())
                .matches() || person.getText().isBlank() || validation.invalidProperty().get()
                || role.getValue() == null, name.textProperty(), person.textProperty(), role.valueProperty(),
                validation.invalidProperty()));
        add.setOnAction(e -> {
            if (add.isDisabled()) {
                return;
            }
            String account = name.getText().strip();
            vm.add(account, role.getValue(), person.getText(), p -> {
                name.clear();
                person.clear();
                validation.revalidate();
                PasswordShown.show(table.getScene().getWindow(), t, account, p);
            });
        });
        Label newLabel = new Label(t.get("accounts.new"));
        newLabel.setMinWidth(Control.USE_PREF_SIZE);
        FlowPane form = new FlowPane(8, 6, newLabel, name, person, role, add);
        form.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("accounts-message");
        message.setWrapText(true);
        message.setMinHeight(Control.USE_PREF_SIZE);
        message.getStyleClass().add("text-danger");
        message.textProperty().bind(vm.messageProperty());
        Label done = new Label();
        done.setId("accounts-done");
        done.setWrapText(true);
        done.setMinHeight(Control.USE_PREF_SIZE);
        done.textProperty().bind(vm.doneProperty());
        for (Label l : List.of(message, done)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        VBox view = new VBox(8, intro, table, actions, form, message, done);
        view.setId("accounts-view");
        return view;
    }

    /**
     * A stored UTC time on the 24-hour clock in the user's zone and language: only the time when it is today (a
     * lock lasts an hour at most), else with the date as the journal shows it.
     */
    static String localTime(I18n t, String at) {
        try {
            java.time.ZonedDateTime when = java.time.Instant.parse(at).atZone(java.time.ZoneId.systemDefault());
            boolean today = when.toLocalDate().equals(java.time.LocalDate.now(when.getZone()));
            return today ? java.time.format.DateTimeFormatter.ofPattern("HH:mm", t.locale()).format(when)
                    : de.grw.ui.common.Times.minutes(t.locale(), when.getZone()).format(when);
        } catch (java.time.format.DateTimeParseException e) {
            return at;
        }
    }

    private static ComboBox<Role> roles(String id, I18n t) {
        ComboBox<Role> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(ROLES);
        box.setCellFactory(l -> roleCell(t));
        box.setButtonCell(roleCell(t));
        box.setMinWidth(Control.USE_PREF_SIZE);
        return box;
    }

    private static ListCell<Role> roleCell(I18n t) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : t.get("role." + r.name()));
            }
        };
    }

    private static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Control.USE_PREF_SIZE);
        return b;
    }

    private static TableColumn<Account, String> column(String title, Function<Account, String> value, double w) {
        TableColumn<Account, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(w);
        return c;
    }
}
