package org.astroruntime.common.event;

/**
 * A completed result, as published on {@code vo.results} (key = {@code owner}).
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param jobId         the job that produced it
 * @param owner         whose result it is
 * @param uri           the {@code vos://} URI of the stored result
 * @param url           an http(s) URL from which a desktop tool can fetch the bytes
 * @param name          a short human name for viewers (table or image name)
 * @param mediaType     the stored representation, e.g. {@code application/x-votable+xml}
 * @param rows          row count for tables, or null for other data
 * @param size          size in bytes
 * @param overflow      true when the remote service said the answer was truncated
 * @param forwardTo     the client's hint for the desktop bridge (e.g. {@code topcat}), or null for all viewers
 */
public record ResultEvent(int schemaVersion, String jobId, String owner, String uri, String url, String name,
                          String mediaType, Long rows, long size, boolean overflow, String forwardTo)
        implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    public ResultEvent {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(jobId, "jobId");
        Require.text(owner, "owner");
        Require.text(uri, "uri");
        Require.text(url, "url");
        Require.text(mediaType, "mediaType");
    }
}
