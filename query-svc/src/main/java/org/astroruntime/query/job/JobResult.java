package org.astroruntime.query.job;

/**
 * The result of a completed query job (UWS result "result").
 *
 * @param id        the UWS result id
 * @param uri       the {@code vos://} URI of the stored table
 * @param url       the HTTP URL of its bytes
 * @param mediaType its media type
 * @param rows      rows in the table
 * @param size      bytes
 * @param overflow  true when the service said the answer was truncated
 */
public record JobResult(String id, String uri, String url, String mediaType, long rows, long size, boolean overflow) {
}
