package dev.cfsign.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the target's directory (created
 * with the final permissions, so a secret is never readable by others, not even briefly), which is then moved over
 * the target with {@code ATOMIC_MOVE}. Not thread-safe.
 */
final class AtomicFile implements AutoCloseable {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Path temp) throws IOException {
        this.target = target;
        this.temp = temp;
        this.writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Opens {@code target} for writing. Without {@code overwrite}, an existing target is refused up front (and
     * checked again at the move, by {@link #commit()}).
     */
    static AtomicFile open(Path target, Set<PosixFilePermission> permissions, boolean overwrite) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!overwrite && Files.exists(abs)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp;
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(permissions);
            temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", attr);
            // createTempFile applies the umask; set the exact mode (never wider than asked).
            Files.setPosixFilePermissions(temp, permissions);
        } else {
            temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        }
        try {
            return new AtomicFile(abs, temp);
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
        if (overwrite) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            // A hard link fails if the target appeared meanwhile; fall back to a plain check-then-move.
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        committed = true;
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
