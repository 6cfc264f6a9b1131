package de.grw.ui.accounts;

import de.grw.api.Account;
import de.grw.api.SignedIn;
import de.grw.api.UsersApi;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts of the workspace for administrators, through {@link UsersApi} as the command line's {@code grw users}
 * uses it (a local workspace or a server): list, add for a person, change role, disable and enable, and reset a
 * password to a one-time password that is handed to the screen once and kept nowhere. Every rule (who may, one
 * reviewing account per person, nobody changes their own role or disables themself, strength) is the engine's; a
 * refusal comes back as its sentence in {@link #messageProperty()}.
 */
public final class AccountsViewModel {
    private final AppContext ctx;
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");

    public AccountsViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Whether the signed-in user may manage accounts (the screen's entry; the engine decides again). */
    public boolean mayManage() {
        SignedIn s = ctx.model().signedIn();
        return s != null && s.may(Permission.MANAGE_USERS);
    }

    /** The signed-in user's name, or empty. */
    public String self() {
        SignedIn s = ctx.model().signedIn();
        return s == null ? "" : s.user();
    }

    /** Reads the accounts anew (in the background). */
    public void refresh() {
        change("", users -> {
        }, null, null);
    }

    /**
     * Adds an account for a person with a fresh one-time password, which {@code shown} receives once (on the FX
     * thread) after the engine accepted the account.
     */
    public void add(String name, Role role, String person, Consumer<char[]> shown) {
        char[] password = OneTimePassword.generate();
        String who = person == null || person.isBlank() ? null : person.strip();
        change(ctx.i18n().get("accounts.added", name.strip()), users -> users.add(name.strip(), role, who,
                password), password, shown);
    }

    /** Gives an account another role. */
    public void setRole(String name, Role role) {
        change(ctx.i18n().get("accounts.roleChanged", name, ctx.i18n().get("role." + role.name())),
                users -> users.setRole(name, role), null, null);
    }

    /** Disables or enables an account. */
    public void setDisabled(String name, boolean disabled) {
        change(ctx.i18n().get(disabled ? "accounts.disabledDone" : "accounts.enabledDone", name),
                users -> users.setDisabled(name, disabled), null, null);
    }

    /** Sets a fresh one-time password, handed to {@code shown} once. */
    public void resetPassword(String name, Consumer<char[]> shown) {
        char[] password = OneTimePassword.generate();
        change(ctx.i18n().get("accounts.resetDone", name), users -> users.setPassword(name, password), password,
                shown);
    }

    private interface Change {
        void apply(UsersApi users);
    }

    /**
     * Applies a change and reads the list again, in one background call; then shows the list, the password (once)
     * and what was done, or the engine's refusal. The password is wiped after it was shown.
     */
    private void change(String doneText, Change change, char[] password, Consumer<char[]> shown) {
        SignedIn s = ctx.model().signedIn();
        if (s == null) {
            return;
        }
        UsersApi users = s.users();
        message.set("");
        done.set("");
        ctx.tasks().call(ctx.i18n().get("nav.accounts"), () -> {
            change.apply(users);
            return users.list();
        }, (List<Account> list) -> {
            accounts.setAll(list);
            done.set(doneText);
            if (password != null) {
                try {
                    shown.accept(password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        }, e -> {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            message.set(Errors.message(e, ctx.i18n()));
            reloadQuietly(users);
        });
    }

    /** After a refusal the list is read again as it is stored (nothing changed, or an ended session shows). */
    private void reloadQuietly(UsersApi users) {
        ctx.tasks().quietly(users::list, accounts::setAll, e -> {
        });
    }

    public ObservableList<Account> accounts() {
        return accounts;
    }

    /** The engine's refusal of the last change, in the user's language, or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    /** What the last change did, or empty. */
    public StringProperty doneProperty() {
        return done;
    }
}
