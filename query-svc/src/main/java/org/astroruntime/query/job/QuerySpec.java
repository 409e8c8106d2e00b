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
import org.astroruntime.query.sia.DatasetRequest;
import org.astroruntime.query.tap.TapParameters;

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
 * @param datasets    where to save the datasets an image query finds, or null
 * @param forwardTo   the desktop forwarding hint, or null
 * @param parameters  the request parameters as given, for the job's parameter list
 * @param token       the owner's verified token, used to store the result in their space (never shown)
 */
public record QuerySpec(String jobId, String owner, String protocol, String target, QueryTargets targets,
                        ProtocolParameters query,
                        VosUri destination, ResultFormat format, CachePolicy cache, DatasetRequest datasets,
                        String forwardTo, Map<String, String> parameters, String token) {

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
        String saveDatasets = takeParameter(remote, DatasetRequest.PARAMETER);
        String maxDatasets = takeParameter(remote, DatasetRequest.MAX_PARAMETER);
        ProtocolParameters query = protocol.parameters(remote);
        if (query instanceof TapParameters tap && !tap.uploads().isEmpty()) {
            query = tap.withUploads(tap.uploads().stream().map(u -> u.inVoSpace()
                    ? u.withSource(resolve(nodes, u.source(), owner, "UPLOAD").toString()) : u).toList());
        }
        DatasetRequest datasets = datasets(saveDatasets, maxDatasets, protocol, targets, nodes, owner);
        boolean named = request.saveAs() != null && !request.saveAs().isBlank();
        ResultFormat format = ResultFormat.choose(requestedFormat, named ? request.saveAs() : null);
        // A fan-out stores a folder: one table per service and a summary.
        String saveAs = named ? request.saveAs().replaceAll("/+$", "")
                : "#queries/" + request.jobId() + (targets.isSingle() ? format.extension() : "");
        VosUri destination = ownNode(nodes, saveAs, owner, "saveAs");
        if (destination.path().isRoot()) {
            throw new InvalidParameterException("saveAs", "saveAs must name a file, not your home");
        }
        return new QuerySpec(request.jobId(), owner, protocol.apiName(), request.target().strip(), targets, query,
                destination, format, cache, datasets, request.forwardTo(), request.parameters(), request.token());
    }

    private static DatasetRequest datasets(String folder, String max, QueryProtocol protocol, QueryTargets targets,
                                           NodeReference nodes, String owner) {
        if (folder == null || folder.isBlank()) {
            if (max != null) {
                throw new InvalidParameterException(DatasetRequest.MAX_PARAMETER, "MAXDATASETS needs SAVEDATASETS");
            }
            return null;
        }
        if (protocol != QueryProtocol.SIA1 && protocol != QueryProtocol.SIA2) {
            throw new InvalidParameterException(DatasetRequest.PARAMETER, "SAVEDATASETS applies to image queries "
                    + "(sia1, sia2), not to " + protocol.apiName());
        }
        if (!targets.isSingle()) {
            throw new InvalidParameterException(DatasetRequest.PARAMETER, "SAVEDATASETS needs a single service");
        }
        int limit = DatasetRequest.DEFAULT_MAX;
        if (max != null) {
            try {
                limit = Integer.parseInt(max.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > DatasetRequest.LIMIT) {
                throw new InvalidParameterException(DatasetRequest.MAX_PARAMETER, "MAXDATASETS must be 1 to "
                        + DatasetRequest.LIMIT + ", got " + max);
            }
        }
        VosUri container = ownNode(nodes, folder.replaceAll("/+$", ""), owner, DatasetRequest.PARAMETER);
        return new DatasetRequest(container, limit);
    }

    /** {@code reference} resolved for {@code owner}, who must own it. */
    private static VosUri ownNode(NodeReference nodes, String reference, String owner, String parameter) {
        VosUri node = resolve(nodes, reference, owner, parameter);
        if (!node.user().equals(owner) || !node.authority().equals(nodes.authority())) {
            throw new InvalidParameterException(parameter, parameter + " must name a node in your own space, not " + node);
        }
        return node;
    }

    private static VosUri resolve(NodeReference nodes, String reference, String owner, String parameter) {
        try {
            return nodes.resolve(reference, owner);
        } catch (InvalidIdentifierException e) {
            throw new InvalidParameterException(parameter, e.getMessage());
        }
    }

    /** Removes and returns a parameter that is for query-svc, not for the service (names case-insensitive). */
    private static String takeParameter(Map<String, String> parameters, String name) {
        return parameters.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                .map(parameters::remove).orElse(null);
    }
}
