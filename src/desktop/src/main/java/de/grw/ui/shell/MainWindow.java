package de.grw.ui.shell;

import de.grw.api.WorkbenchInfo;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.PasswordDialog;
import de.grw.ui.common.Screen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: navigation on the left (entries shown only to users whose role allows them), the current screen
 * in the middle, and a status bar with the signed-in user, the workspace and the running task with its progress and
 * a cancel button.
 */
public final class MainWindow {
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Screen start;
    /** The screen shown now, told when another replaces it. */
    private Screen shown;

    /** Makes the work screens anew, each with a fresh view model: after a sign-out nothing of the user stays. */
    private final java.util.function.Supplier<List<Screen>> makeScreens;

    public MainWindow(AppContext ctx, Screen start, List<Screen> workScreens) {
        this(ctx, start, () -> workScreens);
    }

    public MainWindow(AppContext ctx, Screen start, java.util.function.Supplier<List<Screen>> makeScreens) {
        this.ctx = ctx;
        this.start = start;
        this.makeScreens = makeScreens;
        List<Screen> workScreens = makeScreens.get();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12, 8, 12, 8));
        // 190 px, wider where an entry's words need it ("Journal and access log")
        nav.setMinWidth(190);
        nav.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        Label brand = new Label(ctx.i18n().get("app.title"));
        brand.getStyleClass().add("brand");
        brand.setWrapText(true);
        // the name wraps within the navigation's width; the entries' words decide that width
        brand.setPrefWidth(0);
        brand.setMaxWidth(Double.MAX_VALUE);
        nav.getChildren().add(brand);
        screens.put(start.titleKey(), start);
        nav.getChildren().add(navButton(start, false));
        for (Screen s : workScreens) {
            screens.put(s.titleKey(), s);
            nav.getChildren().add(navButton(s, true));
        }
        root.setLeft(nav);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
        content.setPadding(new Insets(12));
        root.setCenter(content);
        root.setBottom(statusBar());
        show(start.titleKey());
        ctx.model().signedInProperty().addListener((o, was, now) -> {
            if (now == null) {
                show(start.titleKey());
                if (was != null) {
                    renew();
                }
            }
        });
    }

    private ToggleButton navButton(Screen screen, boolean needsSession) {
        ToggleButton b = new ToggleButton(ctx.i18n().get(screen.titleKey()));
        b.setId("nav-" + screen.titleKey().replace('.', '-'));
        b.setToggleGroup(navigation);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> show(screen.titleKey()));
        if (needsSession) {
            if (screen.permission() != null) {
                b.visibleProperty().bind(ctx.model().may(screen.permission()));
            } else {
                b.visibleProperty().bind(ctx.model().signedInProperty().isNotNull());
            }
            b.managedProperty().bind(b.visibleProperty());
        }
        buttons.put(screen.titleKey(), b);
        return b;
    }

    /** Ctrl+1 … Ctrl+9 open the navigation entries in their order, as far as the signed-in user may see them. */
    private void installShortcuts(javafx.scene.Scene scene) {
        int i = 1;
        for (ToggleButton b : buttons.values()) {
            if (i > 9) {
                break;
            }
            KeyCodeCombination keys = new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i)),
                    KeyCombination.SHORTCUT_DOWN);
            scene.getAccelerators().put(keys, () -> {
                if (b.isVisible() && !b.isDisabled()) {
                    b.fire();
                }
            });
            b.setTooltip(new Tooltip(keys.getDisplayText()));
            i++;
        }
    }

    /**
     * Replaces the work screens by new ones (signed out): no case reference, cluster, queue, approval list, preview or
     * log of the previous user stays in a view model for the next one to see.
     */
    private void renew() {
        for (Screen s : makeScreens.get()) {
            if (screens.get(s.titleKey()) != start) {
                screens.put(s.titleKey(), s);
            }
        }
    }

    /** A screen by its title key, or null (for tests and tools). */
    public Screen screen(String titleKey) {
        return screens.get(titleKey);
    }

    /** Shows a screen by its title key. */
    public void show(String titleKey) {
        Screen s = screens.get(titleKey);
        if (s == null) {
            return;
        }
        if (s != start && ctx.model().signedIn() == null) {
            s = start;
        }
        Node view = s.view();
        if (shown != null && shown != s) {
            shown.deactivated();
        }
        shown = s;
        if (ctx.model().signedIn() != null) {
            // shown again after the window is rebuilt (another language)
            ctx.model().screenProperty().set(s.titleKey());
        }
        content.getChildren().setAll(view);
        ToggleButton b = buttons.get(s.titleKey());
        if (b != null) {
            b.setSelected(true);
            // the cursor was on a control of the screen just taken away (Ctrl+1 … Ctrl+9 from within a screen) and
            // JavaFX left it on another screen's navigation entry: it goes to the entry of the screen shown, from
            // where Tab leads into it (a screen may put it further, on activation)
            Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
            if (owner == null || !inside(owner, view)) {
                b.requestFocus();
            }
        }
        s.activated();
    }

    private static boolean inside(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private Node statusBar() {
        I18n i18n = ctx.i18n();
        Label who = new Label();
        who.setId("status-user");
        who.textProperty().bind(Bindings.createStringBinding(() -> {
            var signedIn = ctx.model().signedIn();
            var ws = ctx.model().info();
            return signedIn == null ? i18n.get("status.notSignedIn")
                    : i18n.get("status.user", signedIn.user(), i18n.get("role." + signedIn.role().name()));
        }, ctx.model().signedInProperty()));
        Label where = where(i18n);
        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(Bindings.concat(ctx.tasks().titleProperty(), " ", ctx.tasks().messageProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("status-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(ctx.tasks().progressProperty());
        Button cancel = new Button(i18n.get("action.cancel"));
        cancel.setId("status-cancel");
        cancel.setOnAction(e -> ctx.tasks().cancel());
        for (Node n : List.of(task, bar, cancel)) {
            n.visibleProperty().bind(ctx.tasks().runningProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Button signOut = new Button(i18n.get("action.signOut"));
        signOut.setId("status-sign-out");
        signOut.visibleProperty().bind(ctx.model().signedInProperty().isNotNull());
        signOut.managedProperty().bind(signOut.visibleProperty());
        signOut.disableProperty().bind(ctx.tasks().runningProperty());
        signOut.setOnAction(e -> ctx.model().signOut());
        Button password = new Button(i18n.get("password.change"));
        password.setId("status-password");
        password.visibleProperty().bind(signOut.visibleProperty());
        password.managedProperty().bind(password.visibleProperty());
        password.disableProperty().bind(ctx.tasks().runningProperty());
        password.setOnAction(e -> {
            if (ctx.model().signedIn() != null) {
                PasswordDialog.ask(password.getScene().getWindow(), i18n, ctx.model().signedIn(), false);
            }
        });
        HBox session = new HBox(10, who, where, password, signOut);
        session.setAlignment(Pos.CENTER_LEFT);
        HBox running = new HBox(10, task, bar, cancel);
        running.setId("status-running");
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(ctx.tasks().runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        // the task beside the session where both fit, else on a line of its own (1024 px while a task runs)
        StatusLayout status = new StatusLayout(session, running, 10);
        status.setId("status-bar");
        status.getStyleClass().add("status-bar");
        status.setPadding(new Insets(6, 12, 6, 12));
        return status;
    }

    /**
     * Where the workspace is: a server (its host and the workspace's name) or a local file, with a tooltip that says
     * what that means for the rules.
     */
    private Label where(I18n i18n) {
        Label where = new Label();
        where.setId("status-workspace");
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        where.setTooltip(tip);
        ctx.model().infoProperty().addListener((o, was, ws) -> describe(where, i18n, ws));
        describe(where, i18n, ctx.model().info());
        where.visibleProperty().bind(ctx.model().infoProperty().isNotNull());
        where.managedProperty().bind(where.visibleProperty());
        return where;
    }

    private static void describe(Label where, I18n i18n, WorkbenchInfo ws) {
        where.getStyleClass().removeAll("status-server", "status-local");
        if (ws == null) {
            where.setText("");
            where.getTooltip().setText("");
        } else if (ws.kind() == WorkbenchInfo.Kind.REMOTE) {
            String host = hostOf(ws.location());
            // before the sign-in a server tells no workspace name: its address stands for it
            where.setText(ws.name().equals(ws.location()) ? i18n.get("status.serverAddress", host)
                    : i18n.get("status.server", host, ws.name()));
            where.getTooltip().setText(i18n.get("status.serverTooltip", ws.location()));
            where.getStyleClass().add("status-server");
        } else {
            where.setText(i18n.get("status.local", ws.name()));
            where.getTooltip().setText(i18n.get("status.localTooltip", ws.location()));
            where.getStyleClass().add("status-local");
        }
    }

    /** {@code host:port} of a server's address. */
    private static String hostOf(String location) {
        try {
            java.net.URI uri = java.net.URI.create(location);
            return uri.getHost() == null ? location : uri.getHost() + (uri.getPort() == -1 ? "" : ":"
                    + uri.getPort());
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    public BorderPane root() {
        return root;
    }
}
