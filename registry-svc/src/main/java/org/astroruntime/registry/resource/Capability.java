package org.astroruntime.registry.resource;

import java.util.List;

/**
 * One capability of a resource.
 *
 * @param standardId the standard it implements, e.g. {@code ivo://ivoa.net/std/ConeSearch}, or null for a
 *                   non-standard capability
 * @param type       the capability's {@code xsi:type}, e.g. {@code cs:ConeSearch}, or null
 * @param interfaces how to reach it
 */
public record Capability(String standardId, String type, List<Interface> interfaces) {

    public Capability {
        interfaces = List.copyOf(interfaces);
    }
}
