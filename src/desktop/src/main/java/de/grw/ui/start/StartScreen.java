package de.grw.ui.start;

import de.grw.api.local.SampleWorkbench;

import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The start screen: on the left, a local workspace (sample, new, open, recent) or a workspace server (address,
 * certificate fingerprint, recent servers), each on its tab; signing in on the right.
 */
public final class StartScreen extends ViewModelScreen<StartViewModel> {
    /** Window property: a language was just chosen, the rebuilt window puts the cursor back into the chooser. */
    private static final String LANGUAGE_CHOSEN = "grw.languageChosen";
    /** The language chooser (set by {@link #build()}). */
    private javafx.scene.control.ComboBox<String> languageBox;
    /** Puts the cursor where the next key works on this screen (set by {@link #build()}). */
    private Runnable cursor = () -> { };

    public StartScreen(AppContext ctx) {
        super(ctx, new StartViewModel(ctx), "nav.start", null);
    }

    @Override
    protected Node build() {
        I18n t = ctx.i18n();
        Label heading = new Label(t.get("start.heading"));
        heading.getStyleClass().add("title-2");
        Label intro = new Label(t.get("start.intro"));
        intro.setWrapText(true);

        Button sample = new Button(t.get("start.sample"));
        sample.setId("start-sample");
        sample.getStyleClass().add("accent");
        sample.setDefaultButton(false);
        PasswordField password = new PasswordField();
        password.setId("start-password");
        sample.setOnAction(e -> vm.openSample(password::requestFocus));

        TextField path = new TextField();
        path.setId("start-path");
        path.setPromptText(t.get("start.pathPrompt"));
        path.textProperty().bindBidirectional(vm.pathProperty());
        Button open = new Button(t.get("start.open"));
        open.setId("start-open");
        open.setOnAction(e -> {
            if (path.getText().isBlank()) {
                File f = chooser(t.get("start.open")).showOpenDialog(view().getScene().getWindow());
                if (f != null) {
                    vm.openFile(f.toPath());
                }
            } else {
                vm.openFile(Path.of(path.getText().trim()));
            }
        });
        Button create = new Button(t.get("start.create"));
        create.setId("start-create");
        TextField adminName = new TextField("admin");
        adminName.setId("start-admin");
        PasswordField adminPassword = new PasswordField();
        adminPassword.setId("start-admin-password");
        adminPassword.setPromptText(t.get("start.adminPasswordPrompt"));
        create.setOnAction(e -> {
            Path target;
            if (path.getText().isBlank()) {
                File f = chooser(t.get("start.create")).showSaveDialog(view().getScene().getWindow());
                if (f == null) {
                    return;
                }
                target = f.toPath();
            } else {
                target = Path.of(path.getText().trim());
            }
            vm.create(target, adminName.getText().trim(), adminPassword.getText().toCharArray());
            adminPassword.clear();
        });
        ListView<String> recent = new ListView<>(vm.recent());
        recent.setId("start-recent");
        recent.setPrefHeight(160);
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                vm.openFile(Path.of(recent.getSelectionModel().getSelectedItem()));
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
                vm.openFile(Path.of(recent.getSelectionModel().getSelectedItem()));
            }
        });
        GridPane createGrid = new GridPane();
        createGrid.setHgap(8);
        createGrid.setVgap(6);
        createGrid.addRow(0, new Label(t.get("start.adminName")), adminName);
        createGrid.addRow(1, new Label(t.get("start.adminPassword")), adminPassword);
        VBox local = new VBox(10, sample, new Label(t.get("start.orFile")), path,
                new HBox(8, open, create), createGrid, new Label(t.get("start.recent")), recent);
        local.setPadding(new Insets(10, 4, 4, 4));
        Tab localTab = new Tab(t.get("start.localTab"), scrolling(local));
        localTab.setId("start-local-tab");
        Node serverPane = ServerPane.build(vm.connect(), t);
        Tab serverTab = new Tab(t.get("start.serverTab"), scrolling(serverPane));
        serverTab.setId("start-server-tab");
        TabPane where = new TabPane(localTab, serverTab);
        where.setId("start-where");
        where.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // on the server tab the cursor waits in the address (Enter connects)
        Runnable focusAddress = () -> javafx.application.Platform.runLater(() -> {
            Node address = serverPane.lookup("#connect-url");
            if (address != null) {
                address.requestFocus();
            }
        });
        where.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == serverTab) {
                focusAddress.run();
            }
        });
        if (ctx.settings().lastWasServer) {
            where.getSelectionModel().select(serverTab);
            where.sceneProperty().addListener((o, was, now) -> {
                if (now != null && where.getSelectionModel().getSelectedItem() == serverTab) {
                    focusAddress.run();
                }
            });
        }
        VBox.setVgrow(where, Priority.ALWAYS);
        VBox left = new VBox(10, heading, intro, where);
        left.setPadding(new Insets(8));
        left.setPrefWidth(440);
        // the left column keeps its width on a small screen; the sign-in column, whose texts wrap, gives way
        left.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label signInHeading = new Label(t.get("start.signIn"));
        signInHeading.getStyleClass().add("title-3");
        TextField user = new TextField();
        user.setId("start-user");
        user.textProperty().bindBidirectional(vm.userProperty());
        Button signIn = new Button(t.get("start.signInButton"));
        signIn.setId("start-sign-in");
        signIn.disableProperty().bind(ctx.model().workbenchProperty().isNull());
        signIn.setOnAction(e -> {
            vm.signIn(password.getText().toCharArray(), signIn.getScene().getWindow(), () -> {
                password.clear();
                ctx.navigate().accept("nav.review");
            });
        });
        Label demo = new Label(t.get("start.demoAccounts", SampleWorkbench.CLERK, SampleWorkbench.SUPERVISOR,
                SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD));
        demo.setWrapText(true);
        demo.getStyleClass().add("text-muted");
        Label message = new Label();
        message.setId("start-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(t.get("start.user")), user);
        form.addRow(1, new Label(t.get("start.password")), password);
        // signed in: who, and on to the work or sign out; the sign-in form only while nobody is signed in
        Label who = new Label();
        who.setId("start-signed-in");
        who.setWrapText(true);
        who.getStyleClass().add("title-4");
        who.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var s = ctx.model().signedIn();
            return s == null ? "" : t.get("start.signedInAs", s.user(), t.get("role." + s.role().name()));
        }, ctx.model().signedInProperty()));
        Button proceed = new Button(t.get("start.continue"));
        proceed.setId("start-continue");
        proceed.getStyleClass().add("accent");
        proceed.setOnAction(e -> ctx.navigate().accept("nav.review"));
        Button signOut = new Button(t.get("action.signOut"));
        signOut.setId("start-sign-out");
        signOut.disableProperty().bind(ctx.tasks().runningProperty());
        signOut.setOnAction(e -> ctx.model().signOut());
        VBox signedIn = new VBox(10, who, new HBox(8, proceed, signOut));
        var nobody = ctx.model().signedInProperty().isNull();
        for (Node n : java.util.List.of(signInHeading, form, signIn, demo)) {
            n.visibleProperty().bind(n == demo ? vm.sampleProperty().and(nobody) : nobody);
            n.managedProperty().bind(n.visibleProperty());
        }
        signedIn.visibleProperty().bind(nobody.not());
        signedIn.managedProperty().bind(signedIn.visibleProperty());
        // Enter goes on to the work while signed in, signs in otherwise
        signIn.defaultButtonProperty().bind(nobody);
        VBox right = new VBox(12, signInHeading, form, signIn, signedIn, demo, message, settingsBox(t));
        // Enter in the language list chooses a language, nothing more: the combo box hands Enter on to the default
        // button, and "Weiter zur Arbeit" took it (the rebuilt window opened the review)
        proceed.defaultButtonProperty().bind(nobody.not().and(languageBox.focusedProperty().not()));
        right.setPadding(new Insets(8));
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(0);
        form.disableProperty().bind(ctx.model().workbenchProperty().isNull());
        // shown (at the start, after a sign-out, by Ctrl+1): the cursor where the next key works, never left on a
        // control of a screen that is gone
        cursor = () -> {
            javafx.stage.Window window = languageBox.getScene() == null ? null : languageBox.getScene().getWindow();
            if (window != null && window.getProperties().containsKey(LANGUAGE_CHOSEN)) {
                // the new window shows the start screen twice as it is made (first, then the screen kept): the mark
                // goes once both have put the cursor here
                languageBox.requestFocus();
                javafx.application.Platform.runLater(() -> window.getProperties().remove(LANGUAGE_CHOSEN));
            } else if (ctx.model().signedIn() != null) {
                proceed.requestFocus();
            } else if (ctx.model().workbench() != null) {
                (user.getText().isBlank() ? user : password).requestFocus();
            }
        };
        // a workspace opened or a server connected: the cursor goes to the sign-in
        ctx.model().workbenchProperty().addListener((o, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(() -> (user.getText().isBlank() ? user : password)
                        .requestFocus());
            }
        });
        return new HBox(24, left, right);
    }

    @Override
    public void activated() {
        javafx.application.Platform.runLater(cursor);
    }

    /** A tab's content, scrolling where the window is too low for it (a 1024 x 700 screen). */
    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** Language and font size, saved in the user's profile and applied at once. */
    private Node settingsBox(I18n t) {
        Label heading = new Label(t.get("settings.heading"));
        heading.getStyleClass().add("title-4");
        javafx.scene.control.ComboBox<String> language = new javafx.scene.control.ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll("de", "en");
        language.setValue(ctx.settings().language);
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : t.get("settings.language." + code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        language.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(ctx.settings().language)) {
                ctx.settings().language = now;
                ctx.settings().save();
                // rebuilt once the key or click that chose the language is done with this window; the cursor then
                // waits in the language box of the new one (not on "Weiter zur Arbeit", where the next Enter would
                // leave the start screen)
                if (language.getScene() != null && language.getScene().getWindow() != null) {
                    language.getScene().getWindow().getProperties().put(LANGUAGE_CHOSEN, Boolean.TRUE);
                }
                javafx.application.Platform.runLater(ctx.reload());
            }
        });
        languageBox = language;
        javafx.scene.control.Spinner<Integer> font = new javafx.scene.control.Spinner<>(11, 22,
                (int) Math.round(ctx.settings().fontSize));
        font.setId("settings-font");
        font.valueProperty().addListener((o, was, now) -> {
            ctx.settings().fontSize = now;
            ctx.settings().save();
            if (view().getScene() != null) {
                view().getScene().getRoot().setStyle("-fx-font-size: " + now + "px;");
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(t.get("settings.language")), language);
        grid.addRow(1, new Label(t.get("settings.fontSize")), font);
        VBox box = new VBox(6, heading, grid);
        box.setPadding(new Insets(16, 0, 0, 0));
        return box;
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(ctx.i18n().get("start.fileType"), "*.grw"));
        String last = ctx.settings().lastDirectory;
        if (last != null && !last.isBlank() && new File(last).isDirectory()) {
            c.setInitialDirectory(new File(last));
        }
        return c;
    }
}
