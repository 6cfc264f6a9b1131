package de.grw.api;

import de.grw.rights.Role;
import java.util.List;

/**
 * The workspace's accounts: administrators list, add, disable and enable them, change their role and set anyone's
 * password; everyone sets their own. A disabled account cannot sign in, and a session of it ends at its next call.
 */
public interface UsersApi {

    /** All accounts, by name. */
    List<Account> list();

    /** Adds an account that is its own person; see {@link #add(String, Role, String, char[])}. */
    default void add(String name, Role role, char[] password) {
        add(name, role, null, password);
    }

    /**
     * Adds an account for a person (a personnel number; {@code null}: the account is its own person). The password
     * is a one-time password: the account may neither propose nor approve until its holder has set their own. A
     * person has at most one clerk or supervisor account, and whoever administers does not review.
     */
    void add(String name, Role role, String person, char[] password);

    /** Sets a password: one's own, or (administrators) anyone's. */
    void setPassword(String name, char[] password);

    /**
     * Whether the signed-in user's own password is a one-time password (set by an administrator at creation or
     * reset): until they set their own they may sign in but neither propose, approve nor reject. Reads the store.
     */
    boolean mustChangeOwnPassword();

    /** Disables or enables an account; nobody disables their own. */
    void setDisabled(String name, boolean disabled);

    /**
     * Gives an account another role (administrators); nobody changes their own, and the person rules of
     * {@link #add(String, Role, String, char[])} hold for the new role. The account's sessions end at once.
     */
    void setRole(String name, Role role);
}
