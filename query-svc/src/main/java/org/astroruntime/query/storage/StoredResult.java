package org.astroruntime.query.storage;

/**
 * What vospace-svc answered after storing a result.
 *
 * @param uri    the node's {@code vos://} URI
 * @param url    the HTTP URL of its bytes
 * @param readUrl a pre-signed URL of the bytes for desktop tools that cannot send a token
 * @param length size in bytes
 * @param md5    hex MD5 of the bytes
 */
public record StoredResult(String uri, String url, String readUrl, long length, String md5) {
}
