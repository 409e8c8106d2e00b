package org.astroruntime.common.id;

/**
 * Resolves the ways a user names a VOSpace node to one {@link VosUri}: the {@code #path} shorthand of AstroGrid
 * scripts ({@code #cones/ned.vot}, relative to the caller's home), a {@code vos://} URI, and the legacy MySpace form
 * {@code ivo://community/user#path}. Resolution happens once, at the edge of the suite.
 *
 * @param authority the VOSpace authority of this deployment, used for {@code #path} and legacy references
 */
public record NodeReference(String authority) {

    public NodeReference {
        if (authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("VOSpace authority must be configured");
        }
    }

    /**
     * Resolves {@code reference} on behalf of {@code caller}.
     *
     * @throws InvalidIdentifierException when the reference does not parse; whether the caller may use the node
     *                                    it names is for the service that holds it to decide
     */
    public VosUri resolve(String reference, String caller) {
        VosUri.checkUser(caller);
        if (reference == null || reference.isBlank()) {
            throw new InvalidIdentifierException("node reference is missing");
        }
        String r = reference.strip();
        if (r.startsWith("#")) {
            return new VosUri(authority, caller, NodePath.parse(r.substring(1)));
        }
        if (r.regionMatches(true, 0, "vos://", 0, 6)) {
            return VosUri.parse(r);
        }
        if (IvoId.isIvoId(r)) {
            IvoId id = IvoId.parse(r);
            // ivo://community/user#path: the last segment of the resource key is the user.
            String key = id.path();
            String user = key.substring(key.lastIndexOf('/') + 1);
            if (user.isEmpty() || id.fragment() == null) {
                throw new InvalidIdentifierException("legacy reference '" + r + "' must look like ivo://community/user#path");
            }
            return new VosUri(authority, user, NodePath.parse(id.fragment()));
        }
        throw new InvalidIdentifierException("'" + IvoId.abbreviate(r) + "' is not a #path, vos:// URI or ivo://community/user#path");
    }
}
