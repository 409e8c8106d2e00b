package org.astroruntime.vospace.login;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The durable record of tokens ended by logout before their expiry, from which the in-memory set of
 * {@link org.astroruntime.common.auth.RevokedTokens} is refilled at start; rows are dropped once the token would have
 * expired anyway.
 */
@ApplicationScoped
public class RevocationTable {

    @Inject
    AgroalDataSource db;

    public void revoke(String jti, Instant expires) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM revoked_tokens WHERE expires < ?")) {
                purge.setTimestamp(1, Timestamp.from(Instant.now()));
                purge.executeUpdate();
            }
            if (!isRevoked(jti)) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO revoked_tokens (jti, expires) VALUES (?, ?)")) {
                    s.setString(1, jti);
                    s.setTimestamp(2, Timestamp.from(expires));
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) { // revoked twice at once: once is enough
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke token", e);
        }
    }

    /** The revocations whose tokens have not expired yet, by token id. */
    public java.util.Map<String, Instant> unexpired() {
        java.util.Map<String, Instant> found = new java.util.HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT jti, expires FROM revoked_tokens WHERE expires > ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), r.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read token revocations", e);
        }
        return found;
    }

    private boolean isRevoked(String jti) {
        if (jti == null) {
            return false;
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM revoked_tokens WHERE jti = ?")) {
            s.setString(1, jti);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check token revocation", e);
        }
    }
}
