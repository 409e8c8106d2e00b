package org.astroruntime.vospace.store;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.common.id.VosUri;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Node bytes on the local file system, one directory per user under {@code <data-dir>/nodes}.
 *
 * <p>Every write goes to a temporary file in {@code <data-dir>/incoming} (same file system, see
 * {@link #newIncomingFile()}) and is moved into place atomically by {@link #commit} once the last byte is on disk, so a reader sees the old version or the new one, never a mix, and a
 * broken upload leaves nothing behind. Concurrent writers of one node: the last complete move wins.
 */
@Startup // create the directories at start, and fail then rather than at the first upload if they cannot be
@ApplicationScoped
public class FileSystemStore implements NodeStore {

    private final Path nodes;
    private final Path incoming;

    public FileSystemStore(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir) throws IOException {
        this.nodes = Files.createDirectories(dataDir.resolve("nodes"));
        this.incoming = Files.createDirectories(dataDir.resolve("incoming"));
    }

    @Override
    public Path newIncomingFile() {
        return incoming.resolve(UUID.randomUUID() + ".part");
    }

    @Override
    public StoredData commit(VosUri node, Path temp, long length, String md5Hex, String expectedMd5)
            throws UploadRefusedException, IOException {
        try {
            if (expectedMd5 != null && !expectedMd5.equalsIgnoreCase(md5Hex)) {
                throw new UploadRefusedException(UploadRefusedException.Reason.CHECKSUM_MISMATCH,
                        "the bytes received have MD5 " + md5Hex + ", not the " + expectedMd5 + " the client sent");
            }
            Path target = locate(node);
            boolean existed = Files.exists(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                throw new UploadRefusedException(UploadRefusedException.Reason.CONTAINER_GONE,
                        "the container of " + node + " was deleted while its bytes were arriving");
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the store's file system cannot replace files atomically", e);
            }
            return new StoredData(target, length, md5Hex, Instant.now(), !existed);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover .part file is never visible as a node and is overwritten by nothing
        }
    }

    @Override
    public void createContainer(VosUri container) throws IOException {
        Files.createDirectories(locate(container));
    }

    @Override
    public Optional<Path> read(VosUri node) {
        Path file = locate(node);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public boolean delete(VosUri node) throws IOException {
        try {
            Path file = locate(node);
            return Files.isRegularFile(file) && Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void move(VosUri from, VosUri to) throws IOException {
        Path source = locate(from);
        if (!Files.exists(source)) {
            return;
        }
        Path target = locate(to);
        Files.createDirectories(target.getParent());
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void copyData(VosUri from, VosUri to) throws IOException {
        Path source = locate(from);
        if (!Files.isRegularFile(source)) {
            return;
        }
        Path target = locate(to);
        Files.createDirectories(target.getParent());
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            Files.copy(source, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void deleteTree(VosUri node) throws IOException {
        Path top = locate(node);
        if (!Files.exists(top)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(top)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Maps a node to its file; {@link NodePath} has already refused every segment that could escape the home. */
    private Path locate(VosUri node) {
        Path file = nodes.resolve(node.user());
        for (String segment : node.path().segments()) {
            file = file.resolve(segment);
        }
        if (!file.normalize().startsWith(nodes)) {
            throw new IllegalStateException("node " + node + " maps outside the store");
        }
        return file;
    }

}
