package de.grw.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory whose content is replaced as a whole: a set of files (an export) is written into a new staging
 * directory beside the target ({@code .NAME.grw-partial-UUID}), every file and the staging directory are forced to
 * the disk, and only then is the staging directory renamed into place. A failure before that point (a full disk, a
 * crash) leaves the previous set as it was and the staging directory is removed; a reader never sees a mixed set.
 *
 * <p>A directory cannot be renamed onto a non-empty one, so a previous set is first renamed aside
 * ({@code .NAME.grw-previous-UUID}), the new set renamed into place, the parent directory forced to the disk, and
 * the previous set deleted. Should the process die between the two renames, the target is missing and the previous
 * set waits beside it; the next {@link #begin} puts it back. Staging directories older than an hour, left by a
 * crash, are removed then too.
 *
 * <p>The target must be missing, empty, or hold only files this kind of set consists of ({@code ownFiles}): a
 * folder holding anything else (the user's documents) is refused rather than replaced.
 */
public final class AtomicDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicDirectory.class);
    private static final String PARTIAL = ".grw-partial-";
    private static final String PREVIOUS = ".grw-previous-";
    private static final Duration STALE = Duration.ofHours(1);

    private final Path target;
    private final Path staging;
    private boolean committed;

    private AtomicDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks the target and creates the staging directory.
     *
     * @param ownFiles the names of files a set may consist of
     * @throws UserFacingException when the target is a file, or a folder holding other files
     */
    public static AtomicDirectory begin(Path target, Predicate<String> ownFiles) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new UserFacingException(Text.of("export.target_root", target));
        }
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        recover(parent, name, absolute);
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new UserFacingException(Text.of("export.target_is_file", target));
            }
            List<String> foreign = foreignEntries(absolute, ownFiles);
            if (!foreign.isEmpty()) {
                throw new UserFacingException(Text.of("export.target_not_empty", target,
                        String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                                + (foreign.size() > 5 ? ", ..." : "")));
            }
        }
        Path staging = parent.resolve("." + name + PARTIAL + UUID.randomUUID());
        Files.createDirectory(staging);
        return new AtomicDirectory(absolute, staging);
    }

    /** Where the set is written. */
    public Path staging() {
        return staging;
    }

    /** The final directory. */
    public Path target() {
        return target;
    }

    /** Forces the set to the disk and puts it in place of the previous one. */
    public void commit() throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.toList()) {
                AtomicFiles.syncFile(f);
            }
        }
        AtomicFiles.syncDirectory(staging);
        Path parent = target.getParent();
        Path previous = null;
        if (Files.exists(target)) {
            previous = parent.resolve("." + target.getFileName() + PREVIOUS + UUID.randomUUID());
            Files.move(target, previous, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        AtomicFiles.syncDirectory(parent);
        if (previous != null) {
            deleteTree(previous);
        }
    }

    /** Removes the staging directory unless the set was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    /** Puts back a previous set left beside a missing target, and removes stale staging directories. */
    private static void recover(Path parent, String name, Path target) throws IOException {
        List<Path> previous = new ArrayList<>();
        Instant staleBefore = Instant.now().minus(STALE);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".grw-*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + PREVIOUS)) {
                    previous.add(p);
                } else if (n.startsWith("." + name + PARTIAL)) {
                    FileTime modified = Files.getLastModifiedTime(p);
                    if (modified.toInstant().isBefore(staleBefore)) {
                        LOG.info("removing {}, left by an export that did not finish", p);
                        deleteTree(p);
                    }
                }
            }
        }
        if (!previous.isEmpty() && !Files.exists(target)) {
            previous.sort(Comparator.comparing(p -> lastModified(p)));
            Path latest = previous.remove(previous.size() - 1);
            LOG.warn("{} was missing after an interrupted replacement; the previous set {} is put back", target,
                    latest);
            try {
                Files.move(latest, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another process was quicker
            }
        }
        if (Files.exists(target)) {
            for (Path p : previous) {
                deleteTree(p);
            }
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static List<String> foreignEntries(Path dir, Predicate<String> ownFiles) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                boolean leftover = n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(p);
                if (!(Files.isRegularFile(p) && ownFiles.test(n)) && !leftover) {
                    foreign.add(n);
                }
            }
        }
        foreign.sort(null);
        return foreign;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
