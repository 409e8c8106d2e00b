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

/** Tokens ended by logout before their expiry; rows are dropped once the token would have expired anyway. */
@ApplicationScoped
public class RevokedTokens {

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

    public boolean isRevoked(String jti) {
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
