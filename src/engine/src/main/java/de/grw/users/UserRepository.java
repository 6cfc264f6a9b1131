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
    record Credentials(String name, Role role, byte[] salt, byte[] hash, int iterations, boolean disabled,
                       String person, boolean mustChange, int failedSignIns, String lockedUntil) {
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
        return Sql.first(c, "SELECT * FROM users WHERE name = ?", UserRepository::credentials, name);
    }

    /**
     * Reads an account by column name; the columns of version 13 (person, one-time flag, lock) may be missing while
     * an older store is written by a test before it migrates: then the account is its own person, unlocked.
     */
    private static Credentials credentials(java.sql.ResultSet rs) throws SQLException {
        java.util.Set<String> columns = new java.util.HashSet<>();
        java.sql.ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        String name = rs.getString("name");
        String person = columns.contains("person") ? rs.getString("person") : null;
        return new Credentials(name, Role.valueOf(rs.getString("role")), rs.getBytes("salt"), rs.getBytes("hash"),
                rs.getInt("iterations"), rs.getInt("disabled") != 0,
                person == null ? AccountNames.person(name) : person,
                columns.contains("must_change") && rs.getInt("must_change") != 0,
                columns.contains("failed_sign_ins") ? rs.getInt("failed_sign_ins") : 0,
                columns.contains("locked_until") ? rs.getString("locked_until") : null);
    }

    /** Every account with what a sign-in checks (few: an office's staff). */
    static List<Credentials> allCredentials(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM users ORDER BY name", UserRepository::credentials);
    }

    /** The account whose name looks like the one given (same {@link AccountNames#key}), if any. */
    static Optional<Credentials> lookAlike(Connection c, String name) throws SQLException {
        Optional<Credentials> exact = credentials(c, name);
        if (exact.isPresent()) {
            return exact;
        }
        String key = AccountNames.key(name);
        return allCredentials(c).stream().filter(a -> AccountNames.key(a.name()).equals(key)).findFirst();
    }

    /** Counts a failed sign-in and sets the lock that follows from it. */
    static void failed(Connection c, String name, int failures, String lockedUntil) throws SQLException {
        Sql.update(c, "UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE name = ?", failures,
                lockedUntil, name);
    }

    /** A successful sign-in clears the count and the lock. */
    static void succeeded(Connection c, String name) throws SQLException {
        Sql.update(c, "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE name = ? "
                + "AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)", name);
    }

    static void insert(Connection c, String name, Role role, String person, PasswordHasher.Hash h, String createdAt,
                       boolean mustChange) throws SQLException {
        Sql.update(c, "INSERT INTO users(name, role, salt, hash, iterations, created_at, person, must_change) "
                + "VALUES (?,?,?,?,?,?,?,?)", name, role, h.salt(), h.hash(), h.iterations(), createdAt, person,
                mustChange ? 1 : 0);
    }

    /** Adds an account of the office's directory: no local password (see the class comment). */
    static void insertDirectory(Connection c, String name, Role role, String person, String createdAt)
            throws SQLException {
        Sql.update(c, "INSERT INTO users(name, role, salt, hash, iterations, created_at, person) "
                + "VALUES (?,?,?,?,?,?,?)", name, role, new byte[16], new byte[0], DIRECTORY_ITERATIONS, createdAt,
                person);
    }

    /** Sets an account's role; returns whether the account exists. */
    static boolean setRole(Connection c, String name, Role role) throws SQLException {
        return Sql.update(c, "UPDATE users SET role = ? WHERE name = ?", role, name) > 0;
    }

    /** Sets a password; returns whether the account exists. */
    static boolean setPassword(Connection c, String name, PasswordHasher.Hash h, boolean mustChange)
            throws SQLException {
        return Sql.update(c, "UPDATE users SET salt = ?, hash = ?, iterations = ?, must_change = ?, "
                + "failed_sign_ins = 0, locked_until = NULL WHERE name = ?", h.salt(), h.hash(), h.iterations(),
                mustChange ? 1 : 0, name) > 0;
    }

    /** Sets the person of a directory account (its directory identity, learnt at its sign-in). */
    static void setPerson(Connection c, String name, String person) throws SQLException {
        Sql.update(c, "UPDATE users SET person = ? WHERE name = ?", person, name);
    }

    /** Disables or enables an account; returns whether it exists. */
    static boolean setDisabled(Connection c, String name, boolean disabled) throws SQLException {
        return Sql.update(c, "UPDATE users SET disabled = ? WHERE name = ?", disabled, name) > 0;
    }

    static List<UserService.UserInfo> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT name, role, created_at, disabled, person, must_change, locked_until FROM users "
                + "ORDER BY name", rs -> new UserService.UserInfo(rs.getString(1), Role.valueOf(rs.getString(2)),
                rs.getString(3), rs.getInt(4) != 0, rs.getString(5), rs.getInt(6) != 0, rs.getString(7)));
    }
}
