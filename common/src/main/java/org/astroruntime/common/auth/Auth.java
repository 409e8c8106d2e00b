package org.astroruntime.common.auth;

/** Names shared by the token issuer (vospace-svc) and every service that verifies tokens. */
public final class Auth {

    /** The {@code iss} claim of every AstroRuntime token. */
    public static final String ISSUER = "astroruntime";
    /** Role of every logged-in user. */
    public static final String ROLE_USER = "user";
    /** Role that may create users. */
    public static final String ROLE_ADMIN = "admin";
    /** Claim naming the community the user logged in to. */
    public static final String CLAIM_COMMUNITY = "community";

    private Auth() {
    }
}
