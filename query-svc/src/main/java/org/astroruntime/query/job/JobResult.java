package org.astroruntime.query.job;

/**
 * The result of a completed query job (UWS result "result").
 *
 * @param id        the UWS result id
 * @param uri       the {@code vos://} URI of the stored table
 * @param url       the HTTP URL of its bytes (read with the owner's token)
 * @param readUrl   a pre-signed URL of its bytes that works without a token until it expires
 * @param mediaType its media type
 * @param rows      rows in the table
 * @param size      bytes
 * @param overflow  true when the service said the answer was truncated
 */
public record JobResult(String id, String uri, String url, String readUrl, String mediaType, long rows, long size, boolean overflow) {
}
