package org.astroruntime.vospace.login;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.astroruntime.common.id.VosUri;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** Community accounts with bcrypt password hashes, in the service's database. */
@ApplicationScoped
public class Accounts {

    /** Compared against when the user does not exist, so that a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("astroruntime-timing-equaliser");
    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    @Inject
    AgroalDataSource db;

    /**
     * Creates an account.
     *
     * @throws DuplicateAccountException when the name is taken
     * @throws IllegalArgumentException  for an invalid name or a password shorter than 8 characters
     */
    public Account create(String username, String community, String password, Set<String> roles)
            throws DuplicateAccountException {
        VosUri.checkUser(username);
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        if (community == null || community.isBlank() || community.length() > 255) {
            throw new IllegalArgumentException("community is required (at most 255 characters)");
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO accounts (username, community, password_hash, roles, created) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, community);
            s.setString(3, BcryptUtil.bcryptHash(password));
            s.setString(4, String.join(",", roles));
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new DuplicateAccountException(username);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new DuplicateAccountException(username);
            }
            throw new IllegalStateException("cannot store account " + username, e);
        }
        return new Account(username, community, roles);
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    /** The account, if the password and community match it. */
    public Optional<Account> authenticate(String username, String password, String community) {
        Optional<Stored> stored = find(username);
        boolean ok = verify(stored.map(Stored::hash).orElse(DUMMY_HASH), password == null ? "" : password);
        if (stored.isEmpty() || !ok || !stored.get().account().community().equalsIgnoreCase(community)) {
            return Optional.empty();
        }
        return Optional.of(stored.get().account());
    }

    private record Stored(Account account, String hash) {
    }

    private Optional<Stored> find(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT community, password_hash, roles FROM accounts WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Set<String> roles = new HashSet<>(Arrays.asList(r.getString(3).split(",")));
                return Optional.of(new Stored(new Account(username, r.getString(1), roles), r.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read account " + username, e);
        }
    }

    private static boolean verify(String hash, String password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
