package org.astroruntime.query.job;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.id.InvalidIdentifierException;
import org.astroruntime.common.id.NodeReference;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.query.cache.CachePolicy;
import org.astroruntime.query.fanout.QueryTargets;
import org.astroruntime.query.protocol.ProtocolParameters;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.result.ResultFormat;

/**
 * A query request that has passed validation: everything a job needs to run, with the result's place resolved.
 *
 * @param jobId       the job id
 * @param owner       the owner
 * @param protocol    the protocol, lower case
 * @param target      the target service(s) as given
 * @param targets     the target service(s), parsed: one, several, or a registry search
 * @param query       the validated protocol parameters
 * @param destination where the result will be stored
 * @param format      the format the result is stored in
 * @param cache       what the job may do with the shared result cache
 * @param forwardTo   the desktop forwarding hint, or null
 * @param parameters  the request parameters as given, for the job's parameter list
 * @param token       the owner's verified token, used to store the result in their space (never shown)
 */
public record QuerySpec(String jobId, String owner, String protocol, String target, QueryTargets targets,
                        ProtocolParameters query,
                        VosUri destination, ResultFormat format, CachePolicy cache, String forwardTo, Map<String, String> parameters, String token) {

    @Override
    public String toString() {
        return "QuerySpec[" + jobId + ", " + owner + ", " + protocol + ", " + target + "]"; // keeps the token out of logs
    }

    /** The request parameter naming the stored format (see {@link ResultFormat}); like CACHE, not sent on. */
    public static final String RESULT_FORMAT = "RESULTFORMAT";

    /** Job ids are chosen by clients, so they are restricted to what is safe in URLs, keys and file names. */
    public static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * Validates a request.
     *
     * @throws InvalidParameterException naming the parameter at fault
     */
    public static QuerySpec from(QueryRequest request, NodeReference nodes) {
        if (!JOB_ID.matcher(request.jobId()).matches()) {
            throw new InvalidParameterException("jobId", "jobId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String owner;
        try {
            owner = VosUri.checkUser(request.owner());
        } catch (InvalidIdentifierException e) {
            throw new InvalidParameterException("owner", e.getMessage());
        }
        QueryProtocol protocol = QueryProtocol.fromApiName(request.protocol());
        QueryTargets targets = QueryTargets.parse(request.target());
        // RESULTFORMAT says how we store the answer; it is not sent to the service.
        Map<String, String> remote = new HashMap<>(request.parameters());
        String requestedFormat = takeParameter(remote, RESULT_FORMAT);
        CachePolicy cache = CachePolicy.parse(takeParameter(remote, CachePolicy.PARAMETER));
        ProtocolParameters query = protocol.parameters(remote);
        boolean named = request.saveAs() != null && !request.saveAs().isBlank();
        ResultFormat format = ResultFormat.choose(requestedFormat, named ? request.saveAs() : null);
        // A fan-out stores a folder: one table per service and a summary.
        String saveAs = named ? request.saveAs().replaceAll("/+$", "")
                : "#queries/" + request.jobId() + (targets.isSingle() ? format.extension() : "");
        VosUri destination;
        try {
            destination = nodes.resolve(saveAs, owner);
        } catch (InvalidIdentifierException e) {
            throw new InvalidParameterException("saveAs", e.getMessage());
        }
        if (!destination.user().equals(owner) || !destination.authority().equals(nodes.authority())) {
            throw new InvalidParameterException("saveAs", "saveAs must name a node in your own space, not " + destination);
        }
        if (destination.path().isRoot()) {
            throw new InvalidParameterException("saveAs", "saveAs must name a file, not your home");
        }
        return new QuerySpec(request.jobId(), owner, protocol.apiName(), request.target().strip(), targets, query,
                destination, format, cache, request.forwardTo(), request.parameters(), request.token());
    }

    /** Removes and returns a parameter that is for query-svc, not for the service (names case-insensitive). */
    private static String takeParameter(Map<String, String> parameters, String name) {
        return parameters.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                .map(parameters::remove).orElse(null);
    }
}
