package org.astroruntime.common.event;

import java.util.Map;

/**
 * A request to run an application (a CEA-style tool such as SExtractor), as sent on {@code vo.job.requests}
 * (key = {@code jobId}).
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param jobId         chosen by the client, so that a resent message is not a second job
 * @param owner         the user the job belongs to
 * @param application   the application's {@code ivo://} identifier
 * @param parameters    input parameter values by name; file inputs are {@code #path} or {@code vos://} URIs
 * @param token         the owner's login token; services run the request only when it verifies and names
 *                      {@code owner}
 */
public record JobRequest(int schemaVersion, String jobId, String owner, String application,
                         Map<String, String> parameters, String token) implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    public JobRequest {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(jobId, "jobId");
        Require.text(owner, "owner");
        Require.text(application, "application");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
