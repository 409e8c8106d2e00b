package org.astroruntime.vospace.login;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.astroruntime.common.auth.Auth;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.common.id.VosUri;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues RS256 login tokens that every service of the suite verifies with the public key at {@code /auth/jwks}. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    SigningKeys keys;

    @ConfigProperty(name = "vospace.token.ttl")
    Duration ttl;

    @ConfigProperty(name = "vospace.authority")
    String authority;

    public IssuedToken issue(Account account) {
        Instant expires = Instant.now().plus(ttl);
        String token = Jwt.issuer(Auth.ISSUER)
                .subject(account.username())
                .upn(account.username())
                .groups(account.roles())
                .claim(Auth.CLAIM_COMMUNITY, account.community())
                .claim("jti", UUID.randomUUID().toString())
                .expiresAt(expires)
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new IssuedToken(token, "Bearer", expires, account.username(), account.community(),
                new VosUri(authority, account.username(), NodePath.ROOT).toString());
    }
}
