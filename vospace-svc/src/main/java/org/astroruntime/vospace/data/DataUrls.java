package org.astroruntime.vospace.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.vospace.presign.PresignedUrls;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The HTTP URLs of nodes' bytes as clients reach them: plain (with a token) or signed (without one). */
@ApplicationScoped
public class DataUrls {

    @ConfigProperty(name = "vospace.public-url")
    String publicUrl;

    @Inject
    PresignedUrls presigned;

    /** {@code <public-url>/data/{user}/{path}}, read and written with the owner's token. */
    public String plain(VosUri node) {
        return publicUrl.replaceAll("/+$", "") + "/data/" + node.encodedUserPath();
    }

    /** The plain URL with a grant of {@code access} that works without a token until it expires. */
    public String signed(VosUri node, PresignedUrls.Access access) {
        return plain(node) + "?" + presigned.grant(node, access);
    }

    /** True when clients reach this service over https. */
    public boolean isHttps() {
        return publicUrl.startsWith("https");
    }
}
