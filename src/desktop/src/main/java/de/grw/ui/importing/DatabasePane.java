package de.grw.ui.importing;

import de.grw.ui.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The database part of the import screen: connection, table or query, saved connections. Only binds. */
final class DatabasePane {
    private DatabasePane() {
    }

    static GridPane build(ImportViewModel vm, I18n t) {
        DatabaseForm form = vm.database();
        ComboBox<String> saved = new ComboBox<>(form.savedConnections());
        saved.setId("import-db-saved");
        saved.setPromptText(t.get("db.savedPrompt"));
        saved.setOnAction(e -> vm.useConnection(saved.getValue()));
        saved.setOnShowing(e -> form.reloadSaved());

        TextField url = field("import-db-url", t.get("db.urlPrompt"));
        url.textProperty().bindBidirectional(form.urlProperty());
        TextField user = field("import-db-user", t.get("db.userPrompt"));
        user.setPrefColumnCount(12);
        user.textProperty().bindBidirectional(form.userProperty());
        PasswordField password = new PasswordField();
        password.setId("import-db-password");
        password.setPromptText(t.get("db.passwordPrompt"));
        password.setPrefColumnCount(12);
        password.textProperty().bindBidirectional(form.passwordProperty());

        ToggleGroup what = new ToggleGroup();
        RadioButton byTable = new RadioButton(t.get("db.table"));
        byTable.setId("import-db-by-table");
        byTable.setToggleGroup(what);
        RadioButton byQuery = new RadioButton(t.get("db.query"));
        byQuery.setId("import-db-by-query");
        byQuery.setToggleGroup(what);
        byQuery.setSelected(form.byQueryProperty().get());
        byTable.setSelected(!form.byQueryProperty().get());
        byQuery.selectedProperty().addListener((o, was, now) -> form.byQueryProperty().set(now));
        form.byQueryProperty().addListener((o, was, now) -> (now ? byQuery : byTable).setSelected(true));

        ComboBox<String> table = new ComboBox<>(form.tables());
        table.setId("import-db-table");
        table.setEditable(true);
        table.setPromptText(t.get("db.tablePrompt"));
        table.setPrefWidth(260);
        table.valueProperty().bindBidirectional(form.tableProperty());
        // what is typed counts at once, not only after Enter or leaving the field
        table.getEditor().textProperty().addListener((o, was, now) -> form.tableProperty().set(now));
        Button list = new Button(t.get("db.list"));
        list.setId("import-db-tables");
        list.setMinWidth(Control.USE_PREF_SIZE);
        list.setOnAction(e -> vm.listTables());
        list.disableProperty().bind(vm.busyProperty());
        HBox tableRow = new HBox(8, table, list);
        tableRow.setAlignment(Pos.CENTER_LEFT);
        tableRow.disableProperty().bind(form.byQueryProperty());

        TextArea query = new TextArea();
        query.setId("import-db-query");
        query.setPromptText(t.get("db.queryPrompt"));
        query.setPrefRowCount(2);
        query.setWrapText(true);
        query.textProperty().bindBidirectional(form.queryProperty());
        query.disableProperty().bind(form.byQueryProperty().not());

        Button load = new Button(t.get("import.load"));
        load.setId("import-db-load");
        load.setOnAction(e -> vm.loadPreview());
        load.disableProperty().bind(vm.busyProperty());
        TextField name = field("import-db-name", t.get("db.namePrompt"));
        name.setPrefColumnCount(14);
        name.textProperty().bindBidirectional(form.connectionNameProperty());
        Button save = new Button(t.get("db.save"));
        save.setId("import-db-save");
        save.setTooltip(new Tooltip(t.get("db.saveTip")));
        save.setOnAction(e -> vm.saveConnection());
        de.grw.ui.common.Fit.prompt(url);
        de.grw.ui.common.Fit.prompt(user);
        de.grw.ui.common.Fit.prompt(password);
        de.grw.ui.common.Fit.prompt(name);
        de.grw.ui.common.Fit.prompt(table);
        de.grw.ui.common.Fit.words(load, save, byTable, byQuery);
        // the actions and the credentials wrap onto another line in a narrow window instead of being cut
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, load,
                label(t.get("db.saveAs")), name, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        javafx.scene.layout.FlowPane credentials = new javafx.scene.layout.FlowPane(8, 6,
                label(t.get("db.user")), user, label(t.get("db.password")), password);
        credentials.setAlignment(Pos.CENTER_LEFT);
        url.setMaxWidth(Double.MAX_VALUE);

        de.grw.ui.common.Validation validation = new de.grw.ui.common.Validation()
                .rule(url, u -> u != null && u.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:"),
                        t.get("db.urlInvalid"))
                .required(table.getEditor(), t.get("db.tableMissing"), () -> !form.byQueryProperty().get())
                .required(query, t.get("db.queryMissing"), () -> form.byQueryProperty().get());
        form.byQueryProperty().addListener((o, was, now) -> validation.revalidate());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, label(t.get("db.saved")), saved);
        grid.addRow(1, label(t.get("db.url")), url);
        grid.add(credentials, 1, 2);
        grid.addRow(3, byTable, tableRow);
        grid.addRow(4, byQuery, query);
        grid.add(actions, 1, 5);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(credentials, Priority.ALWAYS);
        GridPane.setHgrow(query, Priority.ALWAYS);
        return grid;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Control.USE_PREF_SIZE);
        return l;
    }
}
