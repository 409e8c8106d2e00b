package org.astroruntime.vospace.login;

/**
 * A request to create an account.
 *
 * @param username  the new user's name (letters, digits, '.', '_', '-')
 * @param password  at least 8 characters
 * @param community the community, or null for this service's
 * @param admin     true to create an administrator
 */
public record NewAccount(String username, String password, String community, boolean admin) {
}
