package org.astroruntime.query.protocol;

/** The validated parameters of one query in one protocol, able to say what to send to a service. */
public interface ProtocolParameters {

    /** The protocol these parameters belong to. */
    QueryProtocol protocol();

    /** The request to send to the service whose capability has {@code accessUrl}. */
    RemoteRequest request(String accessUrl);
}
