package org.astroruntime.common.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.astroruntime.common.error.ErrorBody;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.id.InvalidIdentifierException;

/**
 * Answers bad identifiers and parameters with HTTP 400 and an {@link ErrorBody} naming what is wrong, in every
 * service (common is a bean archive, so Quarkus REST registers this provider wherever common is on the path).
 */
@Provider
public class ClientErrorMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        ErrorBody body;
        if (e instanceof InvalidParameterException p) {
            body = new ErrorBody("InvalidParameter", e.getMessage(), p.parameter());
        } else if (e instanceof InvalidIdentifierException) {
            body = new ErrorBody("InvalidIdentifier", e.getMessage(), null);
        } else {
            body = new ErrorBody("InvalidArgument", e.getMessage(), null);
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
