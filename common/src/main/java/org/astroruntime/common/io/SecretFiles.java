package org.astroruntime.common.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Files holding secrets (signing keys, HMAC secrets, passwords): created once, readable by the owner only, and
 * written to a temporary name first so that a crash never leaves a truncated secret behind.
 */
public final class SecretFiles {

    /** The file's bytes, creating it from {@code generator} when it does not exist yet. */
    public static byte[] readOrCreate(Path file, Supplier<byte[]> generator) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temp);
                Files.write(temp, generator.get());
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return Files.readAllBytes(file);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the data directory's own permissions apply
        }
    }

    private SecretFiles() {
    }
}
