package org.astroruntime.registry.resource;

import java.util.List;

/**
 * One interface of a capability.
 *
 * @param type       the interface's {@code xsi:type}, e.g. {@code vs:ParamHTTP}
 * @param role       {@code std} for the standard interface, or null
 * @param version    the standard version the interface implements, or null
 * @param accessUrls where to send requests
 */
public record Interface(String type, String role, String version, List<String> accessUrls) {

    public Interface {
        accessUrls = List.copyOf(accessUrls);
    }
}
