package org.astroruntime.query.storage;

/**
 * What vospace-svc answered after storing a result.
 *
 * @param uri    the node's {@code vos://} URI
 * @param url    the HTTP URL of its bytes
 * @param length size in bytes
 * @param md5    hex MD5 of the bytes
 */
public record StoredResult(String uri, String url, long length, String md5) {
}
