package org.astroruntime.vospace.data;

/**
 * The answer to a successful upload.
 *
 * @param uri    the node's {@code vos://} URI
 * @param url    where the bytes can be read back over HTTP
 * @param length size in bytes
 * @param md5    hex MD5 of the bytes
 */
public record StoredNode(String uri, String url, long length, String md5) {
}
