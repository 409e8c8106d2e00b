package org.astroruntime.registry.resource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of service a search can filter on, each recognised by the standard id of a capability (or, for
 * CEA applications, by the resource type). The names are what the search API and the ACR shortcuts use.
 */
public enum ServiceKind {
    CONE("ivo://ivoa.net/std/ConeSearch"),
    /** SIA 1.0: the bare standard id; SIA 2 registers a {@code #query-2.0} fragment (or interface version 2.x). */
    SIA1("ivo://ivoa.net/std/SIA"),
    SIA2("ivo://ivoa.net/std/SIA#query-2.0"),
    SSA("ivo://ivoa.net/std/SSA"),
    TAP("ivo://ivoa.net/std/TAP"),
    VOSPACE("ivo://ivoa.net/std/VOSpace/v2.0"),
    /** Applications described by CEA ({@code cea:CeaApplication} records). */
    CEA(null);

    private final String standardId;

    ServiceKind(String standardId) {
        this.standardId = standardId;
    }

    /** The standard id a resource of this kind registers, or null for CEA. */
    public String standardId() {
        return standardId;
    }

    /** The lower-case name used in the search API, e.g. {@code cone}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API name (case-insensitive). */
    public static Optional<ServiceKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(k -> k.apiName().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Every kind the resource offers. */
    public static Set<ServiceKind> of(VoResource resource) {
        Set<ServiceKind> kinds = EnumSet.noneOf(ServiceKind.class);
        if (resource.type() != null && localName(resource.type()).equalsIgnoreCase("CeaApplication")) {
            kinds.add(CEA);
        }
        for (Capability capability : resource.capabilities()) {
            ofCapability(capability).ifPresent(kinds::add);
        }
        return kinds;
    }

    /** The kind a capability implements, if it is one of ours. */
    public static Optional<ServiceKind> ofCapability(Capability capability) {
        String id = capability.standardId();
        if (id == null) {
            return Optional.empty();
        }
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ivo://ivoa.net/std/sia")) {
            boolean v2 = lower.contains("#query-2") || capability.interfaces().stream()
                    .anyMatch(i -> i.version() != null && i.version().startsWith("2"));
            return Optional.of(v2 ? SIA2 : SIA1);
        }
        if (lower.startsWith("ivo://ivoa.net/std/vospace")) {
            return Optional.of(VOSPACE);
        }
        // Fragments such as TAP's "#aux" still name the same protocol.
        String base = lower.contains("#") ? lower.substring(0, lower.indexOf('#')) : lower;
        return Arrays.stream(values())
                .filter(k -> k.standardId != null && k.standardId.toLowerCase(Locale.ROOT).equals(base))
                .findFirst();
    }

    /** The names accepted by the search API, for error messages. */
    public static String apiNames() {
        return Arrays.stream(values()).map(ServiceKind::apiName).collect(Collectors.joining(", "));
    }

    private static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }
}
