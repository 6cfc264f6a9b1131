package de.grw.ui.importing;

import de.grw.common.UserFacingException;
import de.grw.importing.db.ConnectionSettings;
import de.grw.importing.db.ConnectionStore;
import de.grw.importing.db.DatabaseReader;
import de.grw.importing.db.DatabaseSource;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The database half of the import screen: JDBC URL, user, password, a table or a read-only query, and the saved
 * connections (the command line's {@code --save-connection} file; never with a password). Holds state and builds the
 * {@link DatabaseSource}; reading happens in the import view model's background jobs.
 */
public final class DatabaseForm {
    private final I18n i18n;
    private final ConnectionStore store;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty byQuery = new SimpleBooleanProperty(false);
    private final StringProperty table = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty connectionName = new SimpleStringProperty("");
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObservableList<String> savedConnections = FXCollections.observableArrayList();

    public DatabaseForm(I18n i18n, ConnectionStore store) {
        this.i18n = i18n;
        this.store = store;
        reloadSaved();
    }

    /** Rereads the saved connections (another window or the command line may have saved one). */
    public void reloadSaved() {
        List<String> names = new ArrayList<>();
        try {
            names.addAll(store.all().keySet());
        } catch (RuntimeException e) {
            // an unreadable file lists nothing; saving reports the problem
        }
        savedConnections.setAll(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    /**
     * The source as filled in.
     *
     * @throws UserFacingException naming what is missing or wrong
     */
    public DatabaseSource source() {
        String u = url.get() == null ? "" : url.get().strip();
        if (u.isEmpty()) {
            throw new UserFacingException(i18n.get("db.urlMissing"));
        }
        if (!u.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new UserFacingException(i18n.get("db.notJdbc", u));
        }
        char[] secret = password.get() == null || password.get().isEmpty() ? null : password.get().toCharArray();
        if (byQuery.get()) {
            String q = query.get() == null ? "" : query.get().strip();
            if (q.isEmpty()) {
                throw new UserFacingException(i18n.get("db.queryMissing"));
            }
            return DatabaseSource.ofQuery(u, user.get(), secret, q);
        }
        String t = table.get() == null ? "" : table.get().strip();
        if (t.isEmpty()) {
            throw new UserFacingException(i18n.get("db.tableMissing"));
        }
        return DatabaseSource.ofTable(u, user.get(), secret, t);
    }

    /** Lists the tables and views the user can read (call in the background). */
    public List<String> readTables() {
        String u = url.get() == null ? "" : url.get().strip();
        if (u.isEmpty()) {
            throw new UserFacingException(i18n.get("db.urlMissing"));
        }
        char[] secret = password.get() == null || password.get().isEmpty() ? null : password.get().toCharArray();
        return new DatabaseReader().tables(u, user.get(), secret);
    }

    /** Saves the connection (URL, user, table or query; never the password) under {@link #connectionName}. */
    public String save() {
        String name = connectionName.get() == null ? "" : connectionName.get().strip();
        if (name.isEmpty()) {
            throw new UserFacingException(i18n.get("db.nameMissing"));
        }
        store.save(name, ConnectionSettings.of(source()));
        reloadSaved();
        return name;
    }

    /** Fills the form from a saved connection; the password stays empty, to be typed. */
    public void use(String name) {
        ConnectionSettings s = store.get(name);
        connectionName.set(name);
        url.set(s.url());
        user.set(s.user() == null ? "" : s.user());
        password.set("");
        byQuery.set(s.query() != null);
        table.set(s.table() == null ? "" : s.table());
        query.set(s.query() == null ? "" : s.query());
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** True: a read-only query; false: a whole table. */
    public BooleanProperty byQueryProperty() {
        return byQuery;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The name to save the connection under (or of the saved connection in use). */
    public StringProperty connectionNameProperty() {
        return connectionName;
    }

    /** The tables last listed. */
    public ObservableList<String> tables() {
        return tables;
    }

    public ObservableList<String> savedConnections() {
        return savedConnections;
    }
}
