package org.astroruntime.vospace.presign;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.common.io.SecretFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived read URLs bound to one node and signed with HMAC-SHA256, so that a desktop tool (TOPCAT, Aladin)
 * that cannot send a token can still fetch a result. The secret is generated once under the data directory.
 */
@Startup
@ApplicationScoped
public class PresignedUrls {

    private final byte[] secret;
    private final Duration ttl;

    public PresignedUrls(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir,
                         @ConfigProperty(name = "vospace.presign.ttl") Duration ttl) throws IOException {
        this.ttl = ttl;
        this.secret = SecretFiles.readOrCreate(dataDir.resolve("keys").resolve("presign.secret"), () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        });
    }

    /** What a grant allows; a read grant never allows writing. */
    public enum Access { READ, WRITE }

    /** The query string ({@code expires=...&signature=...}) that grants {@code access} to {@code node} until the TTL passes. */
    public String grant(VosUri node, Access access) {
        long expires = Instant.now().plus(ttl).getEpochSecond();
        return "expires=" + expires + "&signature=" + sign(node, access, expires);
    }

    /** True when the signature is this service's read grant for this node and has not expired. */
    public boolean isValid(VosUri node, String expires, String signature) {
        return isValid(node, Access.READ, expires, signature);
    }

    /** True when the signature is this service's grant of {@code access} to this node and has not expired. */
    public boolean isValid(VosUri node, Access access, String expires, String signature) {
        if (expires == null || signature == null) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Instant.now().getEpochSecond() > at) {
            return false;
        }
        return MessageDigest.isEqual(sign(node, access, at).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(VosUri node, Access access, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String grant = node + "\n" + expires + (access == Access.READ ? "" : "\n" + access);
            return HexFormat.of().formatHex(mac.doFinal(grant.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
