package org.astroruntime.vospace.login;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.astroruntime.common.auth.Auth;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the accounts a fresh installation needs: an administrator when {@code vospace.admin.password} is set,
 * and the demo user of the embedded default (password from {@code vospace.demo-user.password}, or generated and
 * printed once).
 */
@ApplicationScoped
public class InitialAccounts {

    private static final Logger LOG = Logger.getLogger(InitialAccounts.class);

    @Inject
    Accounts accounts;

    @ConfigProperty(name = "vospace.community")
    String community;

    @ConfigProperty(name = "vospace.admin.password")
    Optional<String> adminPassword;

    @ConfigProperty(name = "vospace.demo-user.name")
    Optional<String> demoUser;

    @ConfigProperty(name = "vospace.demo-user.password")
    Optional<String> demoPassword;

    void create(@Observes StartupEvent event) {
        adminPassword.ifPresent(p -> ensure("admin", p, Set.of(Auth.ROLE_USER, Auth.ROLE_ADMIN), false));
        demoUser.ifPresent(user -> {
            boolean generated = demoPassword.isEmpty();
            String password = demoPassword.orElseGet(InitialAccounts::randomPassword);
            ensure(user, password, Set.of(Auth.ROLE_USER), generated);
        });
    }

    private void ensure(String user, String password, Set<String> roles, boolean print) {
        if (accounts.exists(user)) {
            return;
        }
        try {
            accounts.create(user, community, password, roles);
            if (print) {
                LOG.infof("created the demo account: username %s, password %s, community %s", user, password, community);
            } else {
                LOG.infof("created account %s in community %s", user, community);
            }
        } catch (DuplicateAccountException raced) {
            // another instance created it first
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
