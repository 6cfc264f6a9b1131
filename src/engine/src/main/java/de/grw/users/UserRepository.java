package de.grw.users;

import de.grw.rights.Role;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's accounts as stored (salted PBKDF2 hashes, never passwords). An account of the office's directory
 * (provisioned by a workspace server at its sign-in) has no local password: it is stored with
 * {@value #DIRECTORY_ITERATIONS} iterations, an all-zero salt and an empty hash, which no password matches and which
 * {@link UserService#login} refuses before deriving anything.
 */
final class UserRepository {
    /** The iteration count that marks an account whose password lives in the office's directory. */
    static final int DIRECTORY_ITERATIONS = 0;

    private UserRepository() {
    }

    /** What a sign-in checks. */
    record Credentials(Role role, byte[] salt, byte[] hash, int iterations, boolean disabled) {
        /** Whether the account signs in through the office's directory (it has no local password). */
        boolean directory() {
            return iterations == DIRECTORY_ITERATIONS;
        }
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

    /** Adds an account of the office's directory: no local password (see the class comment). */
    static void insertDirectory(Connection c, String name, Role role, String createdAt) throws SQLException {
        Sql.update(c, "INSERT INTO users(name, role, salt, hash, iterations, created_at) VALUES (?,?,?,?,?,?)", name,
                role, new byte[16], new byte[0], DIRECTORY_ITERATIONS, createdAt);
    }

    /** Sets an account's role; returns whether the account exists. */
    static boolean setRole(Connection c, String name, Role role) throws SQLException {
        return Sql.update(c, "UPDATE users SET role = ? WHERE name = ?", role, name) > 0;
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
