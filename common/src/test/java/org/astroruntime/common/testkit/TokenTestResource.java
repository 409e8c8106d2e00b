package org.astroruntime.common.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service under test at the key of a {@link TestTokens} issuer. Tests get tokens from {@link #tokens()}.
 * Use with {@code @WithTestResource(TokenTestResource.class)}.
 */
public class TokenTestResource implements QuarkusTestResourceLifecycleManager {

    private static final TestTokens TOKENS = new TestTokens();

    /** The issuer whose key the service trusts (one per test JVM). */
    public static TestTokens tokens() {
        return TOKENS;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TOKENS.jwksLocation(), "mp.jwt.verify.issuer", "astroruntime");
    }

    @Override
    public void stop() {
    }
}
