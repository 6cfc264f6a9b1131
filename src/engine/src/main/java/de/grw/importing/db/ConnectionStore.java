package de.grw.importing.db;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.grw.common.AtomicFiles;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Saved database connections by name, in a small JSON file the caller chooses (the command line and the desktop use
 * {@code connections.json} in the user's workbench folder). Holds URL, user, table and query; never a password: a
 * {@code password=} parameter is stripped from the URL before saving, and the file is readable by its owner only
 * where the file system allows. Example:
 *
 * <pre>{@code
 * {
 *   "register" : {"url" : "jdbc:postgresql://db.intern/register", "user" : "grw", "table" : "personen"}
 * }
 * }</pre>
 */
public final class ConnectionStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*(&|;)?");

    private final Path file;

    public ConnectionStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** All saved connections, by name. */
    public Map<String, ConnectionSettings> all() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, ConnectionSettings>>() {
            }));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(de.grw.common.Text.of("db.saved_unreadable", file, e.getMessage()), e);
        }
    }

    public Optional<ConnectionSettings> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** The connection of that name. */
    public ConnectionSettings get(String name) {
        return find(name).orElseThrow(() -> new UserFacingException(all().isEmpty()
                ? de.grw.common.Text.of("db.no_saved", name)
                : de.grw.common.Text.of("db.no_saved_of", name, String.join(", ", all().keySet()))));
    }

    /** Saves (or replaces) a connection under a name; never a password. */
    public void save(String name, ConnectionSettings settings) {
        if (name == null || name.isBlank()) {
            throw new UserFacingException(de.grw.common.Text.of("db.needs_name"));
        }
        Map<String, ConnectionSettings> all = all();
        all.put(name.strip(), settings);
        write(all);
    }

    /** Removes a connection; {@code false} if there was none of that name. */
    public boolean remove(String name) {
        Map<String, ConnectionSettings> all = all();
        boolean removed = all.remove(name) != null;
        if (removed) {
            write(all);
        }
        return removed;
    }

    private void write(Map<String, ConnectionSettings> all) {
        try {
            AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(all)));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new UserFacingException(de.grw.common.Text.of("db.cannot_save", file, e.getMessage()), e);
        }
    }

    /** The URL without any {@code password=} parameter. */
    static String withoutPassword(String url) {
        String u = PASSWORD_PARAMETER.matcher(url).replaceAll(m -> {
            String sep = m.group(1);
            String after = m.group(2);
            if (after == null) {
                return "";
            }
            return java.util.regex.Matcher.quoteReplacement(sep);
        });
        return u.endsWith("?") || u.endsWith("&") || u.endsWith(";") ? u.substring(0, u.length() - 1) : u;
    }
}
