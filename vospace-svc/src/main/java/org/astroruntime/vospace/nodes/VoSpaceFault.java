package org.astroruntime.vospace.nodes;

/** A VOSpace fault, answered as {@code text/plain} "FaultName: detail" with the fault's status. */
public class VoSpaceFault extends RuntimeException {

    private final Fault fault;

    public VoSpaceFault(Fault fault, String detail) {
        super(detail);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }
}
