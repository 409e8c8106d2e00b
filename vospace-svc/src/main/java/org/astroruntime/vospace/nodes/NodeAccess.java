package org.astroruntime.vospace.nodes;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.astroruntime.common.id.InvalidIdentifierException;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.common.id.VosUri;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may do what to a node: the owner everything; anyone may read a node marked public; everything else is
 * PermissionDenied, answered the same whether the node exists or not so that nobody learns what others hold.
 */
@RequestScoped
public class NodeAccess {

    @Inject
    SecurityIdentity identity;

    @Inject
    NodeCatalog catalog;

    @ConfigProperty(name = "vospace.authority")
    String authority;

    /** The node a request path ({@code user/a/b}) names. */
    public VosUri node(String requestPath) {
        try {
            String p = requestPath == null ? "" : requestPath;
            int slash = p.indexOf('/');
            String user = slash < 0 ? p : p.substring(0, slash);
            return new VosUri(authority, VosUri.checkUser(user), slash < 0 ? NodePath.ROOT : NodePath.parse(p.substring(slash + 1)));
        } catch (InvalidIdentifierException e) {
            throw new VoSpaceFault(Fault.INVALID_URI, e.getMessage());
        }
    }

    /** The node for reading, or the fault that says why not. */
    public NodeRecord readable(VosUri node) {
        if (isOwner(node)) {
            catalog.ensureHome(node.user());
            return catalog.find(node.user(), node.path())
                    .orElseThrow(() -> new VoSpaceFault(Fault.NODE_NOT_FOUND, node.toString()));
        }
        Optional<NodeRecord> found = catalog.find(node.user(), node.path());
        if (found.isPresent() && found.get().isPublic()) {
            return found.get();
        }
        throw denied(node);
    }

    /** Refuses anyone but the owner. */
    public void checkOwner(VosUri node) {
        if (!isOwner(node)) {
            throw denied(node);
        }
    }

    /** The authenticated caller's name, or null for an anonymous request. */
    public String caller() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private boolean isOwner(VosUri node) {
        return node.user().equals(caller());
    }

    private VoSpaceFault denied(VosUri node) {
        return new VoSpaceFault(Fault.PERMISSION_DENIED, (caller() == null ? "an anonymous caller" : caller())
                + " may not use " + node);
    }
}
