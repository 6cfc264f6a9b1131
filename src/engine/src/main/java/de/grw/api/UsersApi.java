package de.grw.api;

import de.grw.rights.Role;
import java.util.List;

/**
 * The workspace's accounts: administrators list, add, disable and enable them and set anyone's password; everyone
 * sets their own. A disabled account cannot sign in, and a session of it ends at its next call.
 */
public interface UsersApi {

    /** All accounts, by name. */
    List<Account> list();

    /** Adds an account (password at least 10 characters). */
    void add(String name, Role role, char[] password);

    /** Sets a password: one's own, or (administrators) anyone's. */
    void setPassword(String name, char[] password);

    /** Disables or enables an account; nobody disables their own. */
    void setDisabled(String name, boolean disabled);
}
