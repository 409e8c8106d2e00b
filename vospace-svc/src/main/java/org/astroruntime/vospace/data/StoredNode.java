package org.astroruntime.vospace.data;

/**
 * The answer to a successful upload.
 *
 * @param uri    the node's {@code vos://} URI
 * @param url    where the bytes can be read back over HTTP (with a token)
 * @param readUrl a pre-signed URL that reads the bytes without a token until it expires (for desktop tools)
 * @param length size in bytes
 * @param md5    hex MD5 of the bytes
 */
public record StoredNode(String uri, String url, String readUrl, long length, String md5) {
}
