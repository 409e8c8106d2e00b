package org.astroruntime.query.registry;

import java.util.List;

/**
 * The part of registry-svc's resolution answer that query-svc uses.
 *
 * @param ivoid        the resource's identifier
 * @param title        its title
 * @param capabilities its capabilities
 */
public record ResolvedResource(String ivoid, String title, List<Capability> capabilities) {

    /** A capability and its interfaces. */
    public record Capability(String standardId, List<Interface> interfaces) {
    }

    /** An interface and its access URLs. */
    public record Interface(String type, String role, List<String> accessUrls) {
    }
}
