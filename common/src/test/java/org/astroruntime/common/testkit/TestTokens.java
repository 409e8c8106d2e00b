package org.astroruntime.common.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs RS256 tokens shaped like vospace-svc's, with a key pair of its own whose public half it writes as a JWKS
 * file, so that a service under test verifies them exactly as it verifies real ones.
 */
public final class TestTokens {

    private final KeyPair keys;
    private final Path jwks;

    public TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            jwks = Files.createTempFile("astroruntime-test-", ".jwks");
            RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
            Files.writeString(jwks, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"test\",\"n\":\""
                    + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS file, as a {@code file:} location for {@code mp.jwt.verify.publickey.location}. */
    public String jwksLocation() {
        return jwks.toUri().toString();
    }

    /** A token for {@code user} with role {@code user}, valid for an hour. */
    public String issue(String user) {
        return issue(user, List.of("user"), Instant.now().plusSeconds(3600));
    }

    /** A token with the given roles and expiry. */
    public String issue(String user, List<String> roles, Instant expires) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}";
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"astroruntime\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\",\"groups\":[" + groups
                + "],\"community\":\"astroruntime.local\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now
                + ",\"exp\":" + expires.getEpochSecond() + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
