package de.grw.users;

import de.grw.rights.Role;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The workspace's local accounts as stored (salted PBKDF2 hashes, never passwords). */
final class UserRepository {
    private UserRepository() {
    }

    /** What a sign-in checks. */
    record Credentials(Role role, byte[] salt, byte[] hash, int iterations, boolean disabled) {
    }

    static int count(Connection c) throws SQLException {
        return (int) Sql.number(c, "SELECT count(*) FROM users");
    }

    static boolean exists(Connection c, String name) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM users WHERE name = ?", rs -> true, name).isPresent();
    }

    static Optional<Credentials> credentials(Connection c, String name) throws SQLException {
        return Sql.first(c, "SELECT role, salt, hash, iterations, disabled FROM users WHERE name = ?",
                rs -> new Credentials(Role.valueOf(rs.getString(1)), rs.getBytes(2), rs.getBytes(3), rs.getInt(4),
                        rs.getInt(5) != 0), name);
    }

    static void insert(Connection c, String name, Role role, PasswordHasher.Hash h, String createdAt)
            throws SQLException {
        Sql.update(c, "INSERT INTO users(name, role, salt, hash, iterations, created_at) VALUES (?,?,?,?,?,?)", name,
                role, h.salt(), h.hash(), h.iterations(), createdAt);
    }

    /** Sets a password; returns whether the account exists. */
    static boolean setPassword(Connection c, String name, PasswordHasher.Hash h) throws SQLException {
        return Sql.update(c, "UPDATE users SET salt = ?, hash = ?, iterations = ? WHERE name = ?", h.salt(), h.hash(),
                h.iterations(), name) > 0;
    }

    /** Disables or enables an account; returns whether it exists. */
    static boolean setDisabled(Connection c, String name, boolean disabled) throws SQLException {
        return Sql.update(c, "UPDATE users SET disabled = ? WHERE name = ?", disabled, name) > 0;
    }

    static List<UserService.UserInfo> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT name, role, created_at, disabled FROM users ORDER BY name",
                rs -> new UserService.UserInfo(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getInt(4) != 0));
    }
}
