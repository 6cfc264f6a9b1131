package de.grw.ui.start;

import de.grw.api.remote.RemoteWorkbench;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.WorkbenchModel.Opened;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Connecting to a workspace server, with the certificate pinned as SSH pins a host key. The server's certificate
 * is read first (in the background) and its SHA-256 fingerprint compared:
 * <ul>
 * <li>with the one pinned for this address in the user's settings: the same one connects; another one is refused
 * with a warning (the certificate changed: a new one the administrator announced, or someone in between). The user
 * can only forget the server deliberately and confirm anew;</li>
 * <li>else with the one the user typed (from the administrator): the same one connects and is pinned, another one
 * is refused;</li>
 * <li>else it is shown, and the user confirms it after comparing it with the administrator's; then it is pinned.</li>
 * </ul>
 * The connection itself ({@link RemoteWorkbench#connect}) trusts exactly the pinned certificate, on every request.
 * Holds state; knows no controls.
 */
public final class ConnectViewModel {
    /** A server whose fingerprint the user is asked to confirm. */
    public record Pending(ServerAddress address, String fingerprint) {
    }

    private final AppContext ctx;
    private final java.util.function.Consumer<String> connected;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final BooleanProperty pinned = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Pending> pending = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();

    /** @param connected runs on the FX thread with the server's address once it is connected and in the model */
    public ConnectViewModel(AppContext ctx, java.util.function.Consumer<String> connected) {
        this.ctx = ctx;
        this.connected = connected;
        recent.setAll(ctx.settings().recentServers);
        url.addListener((o, was, now) -> addressChanged());
        if (!recent.isEmpty()) {
            url.set(recent.get(0));
        }
    }

    /** A known address shows its pinned fingerprint (not editable); another clears what was shown for the last. */
    private void addressChanged() {
        pending.set(null);
        warning.set("");
        String pin = pinOf(url.get());
        if (pin != null) {
            fingerprint.set(pin);
            pinned.set(true);
        } else if (pinned.get()) {
            fingerprint.set("");
            pinned.set(false);
        }
    }

    private String pinOf(String text) {
        return ServerAddress.parse(text).map(a -> ctx.settings().serverFingerprints.get(a.url())).orElse(null);
    }

    /** Whether the text is a server address this client can connect to (the field's validation). */
    public static boolean validAddress(String text) {
        return ServerAddress.parse(text).isPresent();
    }

    /** Whether the text is empty or a SHA-256 fingerprint (the field's validation). */
    public static boolean validFingerprint(String text) {
        return text == null || text.isBlank() || ServerCertificates.normalise(text) != null;
    }

    /** Reads the server's certificate in the background and connects, or asks for its confirmation, or refuses. */
    public void connect() {
        warning.set("");
        pending.set(null);
        Optional<ServerAddress> parsed = ServerAddress.parse(url.get());
        if (parsed.isEmpty()) {
            message.set(ctx.i18n().get("connect.badUrl"));
            return;
        }
        ServerAddress address = parsed.get();
        String pin = ctx.settings().serverFingerprints.get(address.url());
        String typed = ServerCertificates.normalise(fingerprint.get());
        if (pin == null && !fingerprint.get().isBlank() && typed == null) {
            message.set(ctx.i18n().get("connect.badFingerprint"));
            return;
        }
        busy.set(true);
        message.set(ctx.i18n().get("connect.checking", address.url()));
        ctx.tasks().call(ctx.i18n().get("connect.task"), () -> ServerCertificates.fingerprint(address), actual -> {
            busy.set(false);
            if (pin != null) {
                if (pin.equals(actual)) {
                    open(address, actual);
                } else {
                    refuse(ctx.i18n().get("connect.changed", address.url(), ServerCertificates.lines(pin),
                            ServerCertificates.lines(actual)));
                }
            } else if (typed != null) {
                if (typed.equals(actual)) {
                    open(address, actual);
                } else {
                    refuse(ctx.i18n().get("connect.differs", address.url(), ServerCertificates.lines(typed),
                            ServerCertificates.lines(actual)));
                }
            } else {
                pending.set(new Pending(address, actual));
                // the panel asks; no second sentence below it
                message.set("");
            }
        }, e -> {
            busy.set(false);
            message.set(Errors.message(e, ctx.i18n()));
        });
    }

    private void refuse(String text) {
        warning.set(text);
        message.set("");
    }

    /** The user compared the shown fingerprint with the administrator's and confirms it: connects, pinned to it. */
    public void confirm() {
        Pending p = pending.get();
        if (p != null) {
            pending.set(null);
            open(p.address(), p.fingerprint());
        }
    }

    /** The user does not confirm the shown fingerprint: nothing is connected or remembered. */
    public void reject() {
        if (pending.get() != null) {
            pending.set(null);
            message.set(ctx.i18n().get("connect.notConfirmed"));
        }
    }

    /** Connects, trusting exactly the certificate of this fingerprint, and pins it for the address. */
    private void open(ServerAddress address, String pin) {
        busy.set(true);
        message.set(ctx.i18n().get("connect.connecting", address.url()));
        ctx.tasks().call(ctx.i18n().get("connect.task"), () -> Opened.of(RemoteWorkbench.connect(address.uri(),
                pin)), opened -> {
                    busy.set(false);
                    ctx.model().use(opened);
                    ctx.settings().rememberServer(address.url(), pin);
                    ctx.settings().lastWasServer = true;
                    ctx.settings().save();
                    recent.setAll(ctx.settings().recentServers);
                    url.set(address.url());
                    addressChanged();
                    message.set("");
                    connected.accept(address.url());
                }, e -> {
                    busy.set(false);
                    message.set(Errors.message(e, ctx.i18n()));
                });
    }

    /** Forgets a server and its pinned fingerprint (after the administrator announced a new certificate). */
    public void forget(String server) {
        ctx.settings().forgetServer(server);
        ctx.settings().save();
        recent.setAll(ctx.settings().recentServers);
        addressChanged();
        message.set(ctx.i18n().get("connect.forgotten", server));
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    /** True while the address has a pinned fingerprint (shown, not editable). */
    public BooleanProperty pinnedProperty() {
        return pinned;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The server whose fingerprint waits for the user's confirmation, or null. */
    public ObjectProperty<Pending> pendingProperty() {
        return pending;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** A refused certificate, as a warning, or empty. */
    public StringProperty warningProperty() {
        return warning;
    }

    public ObservableList<String> recent() {
        return recent;
    }
}
