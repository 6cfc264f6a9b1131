package de.grw.api.local;

import de.grw.api.Account;
import de.grw.api.UsersApi;
import de.grw.rights.Role;
import de.grw.users.UserService;
import java.util.List;

/** Account management through the engine's {@link UserService}. */
final class LocalUsers implements UsersApi {
    private final LocalSignedIn signedIn;
    private final UserService users;

    LocalUsers(LocalSignedIn signedIn, UserService users) {
        this.signedIn = signedIn;
        this.users = users;
    }

    @Override
    public List<Account> list() {
        return users.list(signedIn.session()).stream().map(u -> new Account(u.name(), u.role(), u.createdAt(),
                u.disabled(), u.person(), u.mustChange(), u.lockedUntil())).toList();
    }

    @Override
    public void add(String name, Role role, String person, char[] password) {
        users.addUser(signedIn.session(), name, role, person, password);
    }

    @Override
    public void setPassword(String name, char[] password) {
        users.setPassword(signedIn.session(), name, password);
    }

    @Override
    public boolean mustChangeOwnPassword() {
        return users.mustChangePassword(signedIn.session());
    }

    @Override
    public void setDisabled(String name, boolean disabled) {
        users.setDisabled(signedIn.session(), name, disabled);
    }

    @Override
    public void setRole(String name, Role role) {
        users.setRole(signedIn.session(), name, role);
    }
}
