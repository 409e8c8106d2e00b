package org.astroruntime.vospace.login;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import org.astroruntime.common.io.SecretFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs login tokens. Generated on first start into {@code <data-dir>/keys} (private key
 * readable by the owner only) and reused afterwards, so tokens survive restarts. The public half is also written
 * as a JWKS file, which this service's own token verification reads, and served at {@code /auth/jwks} for the
 * other services.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final String KEY_ID = "astroruntime-1";

    private final PrivateKey privateKey;
    private final String jwks;

    public SigningKeys(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir) throws IOException, GeneralSecurityException {
        Path dir = Files.createDirectories(dataDir.resolve("keys"));
        byte[] encoded = SecretFiles.readOrCreate(dir.resolve("token-signing.key"), SigningKeys::newPrivateKey);
        privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent())) + "\"}]}";
        Files.writeString(dir.resolve("token-signing.jwks"), jwks);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return KEY_ID;
    }

    /** The public key as a JSON Web Key Set. */
    public String jwks() {
        return jwks;
    }

    private static byte[] newPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
