package org.astroruntime.vospace.nodes;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes VOSpace faults the way VOSpace clients parse them: the fault name first in a plain-text body. */
@Provider
public class VoSpaceFaultMapper implements ExceptionMapper<VoSpaceFault> {

    @Override
    public Response toResponse(VoSpaceFault e) {
        return Response.status(e.fault().status()).type(MediaType.TEXT_PLAIN_TYPE)
                .entity(e.fault().label() + ": " + e.getMessage()).build();
    }
}
