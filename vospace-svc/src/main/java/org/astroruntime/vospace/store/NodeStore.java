package org.astroruntime.vospace.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.astroruntime.common.id.VosUri;

/**
 * Where the bytes of data nodes live, addressed by node URI. The catalogue (the database) is the authority on which
 * nodes exist; a store holds bytes only.
 *
 * <p>Uploads always arrive in a local staging file first ({@link #newIncomingFile()}: received, hashed and synced
 * there) and are then {@link #commit committed}, so the upload path is the same for any store: the file system store
 * renames the staged file into place, an object store would put it as one object and delete it. Every change must
 * be atomic as seen by readers: the old bytes or the new ones, never a mix, never a half-written node.
 * {@link FileSystemStore} is the implementation of the embedded default.
 */
public interface NodeStore {

    /** A fresh local file for bytes that are still arriving, on the same file system as anything it is moved to. */
    Path newIncomingFile();

    /**
     * Makes fully received bytes the node's data, atomically, after checking them against the client's MD5. The
     * staged file is gone afterwards whatever happens.
     *
     * @param md5Hex      the MD5 of the received bytes
     * @param expectedMd5 the MD5 the client announced, or null
     * @throws UploadRefusedException on a checksum mismatch, or when the node's container has gone meanwhile
     */
    StoredData commit(VosUri node, Path staged, long length, String md5Hex, String expectedMd5)
            throws UploadRefusedException, IOException;

    /** Drops staged bytes that will not become a node. */
    void discard(Path staged);

    /** Prepares a container to hold children (a no-op for stores without directories). */
    void createContainer(VosUri container) throws IOException;

    /** A local file holding the node's bytes (a store without local files would answer a cached copy), if any. */
    Optional<Path> read(VosUri node);

    /** Deletes a data node's bytes; returns false when there were none. */
    boolean delete(VosUri node) throws IOException;

    /** Moves a node's bytes, or a container's whole tree, to another node URI, atomically. */
    void move(VosUri from, VosUri to) throws IOException;

    /** Copies one data node's bytes; the copy appears only when complete. */
    void copyData(VosUri from, VosUri to) throws IOException;

    /** Removes a node's bytes or a container's whole tree; used after the catalogue has dropped the nodes. */
    void deleteTree(VosUri node) throws IOException;
}
