package org.astroruntime.vospace.nodes;

/** The VOSpace 2.1 faults this service answers, with their HTTP status codes. */
public enum Fault {
    NODE_NOT_FOUND("NodeNotFound", 404),
    CONTAINER_NOT_FOUND("ContainerNotFound", 404),
    DUPLICATE_NODE("DuplicateNode", 409),
    PERMISSION_DENIED("PermissionDenied", 403),
    INVALID_URI("InvalidURI", 400),
    INVALID_ARGUMENT("InvalidArgument", 400),
    TYPE_NOT_SUPPORTED("TypeNotSupported", 400),
    PROTOCOL_NOT_SUPPORTED("ProtocolNotSupported", 400),
    QUOTA_EXCEEDED("QuotaExceeded", 413),
    INTERNAL_FAULT("InternalFault", 500);

    private final String label;
    private final int status;

    Fault(String label, int status) {
        this.label = label;
        this.status = status;
    }

    /** The fault's name as it appears in the response body. */
    public String label() {
        return label;
    }

    public int status() {
        return status;
    }
}
