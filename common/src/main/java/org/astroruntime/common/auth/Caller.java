package org.astroruntime.common.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.astroruntime.common.id.VosUri;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The user behind the current HTTP request, as the verified token names them. Jobs, nodes and results belong to
 * this user; nothing a client sends in a parameter can change it.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /**
     * The caller's user name.
     *
     * @throws IllegalStateException on an endpoint that is not protected (a programming error, not bad input)
     */
    public String user() {
        String name = token.getName();
        if (name == null) {
            throw new IllegalStateException("no verified caller on this request; is the endpoint @Authenticated?");
        }
        return VosUri.checkUser(name);
    }

    /** The raw token, for calls made on the caller's behalf (e.g. storing a result in their space). */
    public String rawToken() {
        return token.getRawToken();
    }

    public boolean isAdmin() {
        return token.getGroups() != null && token.getGroups().contains(Auth.ROLE_ADMIN);
    }
}
