package dev.cfsign.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the target's directory, created
 * owner-only ({@code 0600}, narrowed further by the umask) so nobody else can read it even while it is written or if
 * the run is killed, which is then moved over the target with {@code ATOMIC_MOVE}. The target ends up with the mode a
 * new file gets under the umask (an existing target keeps its own mode), never wider than the caller's
 * {@code maxPermissions}. Not thread-safe.
 */
final class AtomicFile implements AutoCloseable {
    /** For secrets (private keys, .env files): owner read/write at most. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** For anything else (signed URLs, public keys): what the umask allows a new file. */
    static final Set<PosixFilePermission> UP_TO_UMASK = PosixFilePermissions.fromString("rw-rw-rw-");

    private final Path target;
    private final Path temp;
    private final Set<PosixFilePermission> maxPermissions;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Path temp, Set<PosixFilePermission> maxPermissions) throws IOException {
        this.target = target;
        this.temp = temp;
        this.maxPermissions = maxPermissions;
        this.writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Opens {@code target} for writing. Without {@code overwrite}, an existing target is refused up front (and
     * checked again at the move, by {@link #commit}).
     */
    static AtomicFile open(Path target, Set<PosixFilePermission> maxPermissions, boolean overwrite) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!overwrite && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp = posix(dir)
                ? Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        temp.toFile().deleteOnExit(); // SIGTERM and Ctrl+C run shutdown hooks; the file is owner-only either way
        try {
            return new AtomicFile(abs, temp, EnumSet.copyOf(maxPermissions));
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    Writer writer() {
        return writer;
    }

    void commit(boolean overwrite) throws IOException {
        writer.close();
        if (posix(temp.getParent())) {
            Files.setPosixFilePermissions(temp, finalPermissions());
        }
        if (overwrite) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            // A hard link fails if the target appeared meanwhile; fall back to a plain check-then-move.
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        committed = true;
    }

    /** The existing target's mode, else a new file's under the umask; within {@link #maxPermissions}. */
    private Set<PosixFilePermission> finalPermissions() throws IOException {
        Set<PosixFilePermission> p;
        if (Files.isRegularFile(target)) {
            p = EnumSet.copyOf(Files.getPosixFilePermissions(target));
        } else {
            // Java cannot read the umask; an empty file created without attributes shows what it allows.
            Path probe = temp.resolveSibling(temp.getFileName() + ".mode");
            Files.createFile(probe);
            try {
                p = EnumSet.copyOf(Files.getPosixFilePermissions(probe));
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        p.retainAll(maxPermissions);
        return p;
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Deletes the temporary file unless {@link #commit} succeeded. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
