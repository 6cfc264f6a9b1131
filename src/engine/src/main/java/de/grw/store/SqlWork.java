package de.grw.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the workspace's connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
