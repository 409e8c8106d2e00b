package org.astroruntime.vospace.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A data node's bytes as they are on disk.
 *
 * @param file      where the bytes are
 * @param length    size in bytes
 * @param md5       hex MD5 of the bytes
 * @param modified  when this version became visible
 * @param created   true when the write created the node, false when it replaced one
 */
public record StoredData(Path file, long length, String md5, Instant modified, boolean created) {
}
