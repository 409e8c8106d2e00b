package org.astroruntime.common.event;

import java.util.Map;

/**
 * A query to run against a remote VO service, as sent on {@code vo.query.requests} (key = {@code jobId}).
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param jobId         chosen by the client, so that a resent message is not a second job
 * @param owner         the user the job and its result belong to
 * @param protocol      which VO protocol to speak: {@code cone}, {@code siap} or {@code adql}
 * @param target        the service: an {@code ivo://} registry identifier or a plain http(s) URL
 * @param parameters    protocol parameters (for a cone: {@code RA}, {@code DEC}, {@code SR}, optionally {@code VERB})
 * @param saveAs        where the result goes: {@code #path}, a {@code vos://} URI, or null for the default
 * @param forwardTo     optional hint for the desktop bridge, such as {@code topcat}
 * @param token         the owner's login token (from vospace-svc {@code POST /login}); services run the request only
 *                      when it verifies and names {@code owner}
 */
public record QueryRequest(int schemaVersion, String jobId, String owner, String protocol, String target,
                           Map<String, String> parameters, String saveAs, String forwardTo, String token)
        implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    public QueryRequest {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(jobId, "jobId");
        Require.text(owner, "owner");
        Require.text(protocol, "protocol");
        Require.text(target, "target");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
