package org.astroruntime.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.astroruntime.common.error.ErrorBody;

/**
 * Gives every JAX-RS status exception (404, 405, 415, ...) a JSON {@link ErrorBody} instead of an empty or HTML
 * body, keeping the status and headers the exception chose.
 */
@Provider
public class HttpStatusMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        String code = status.getReasonPhrase() == null ? String.valueOf(status.getStatusCode())
                : status.getReasonPhrase().replace(" ", "");
        String message = e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
        return Response.fromResponse(original).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(code, message)).build();
    }
}
