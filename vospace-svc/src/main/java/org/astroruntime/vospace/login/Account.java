package org.astroruntime.vospace.login;

import java.util.Set;

/**
 * A community account.
 *
 * @param username  the user name, also the name of the user's VOSpace home
 * @param community the community the account belongs to
 * @param roles     {@code user}, and {@code admin} for administrators
 */
public record Account(String username, String community, Set<String> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
