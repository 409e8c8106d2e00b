package org.astroruntime.vospace.nodes;

import static org.astroruntime.vospace.nodes.CatalogSql.COLUMNS;
import static org.astroruntime.vospace.nodes.CatalogSql.bindSubtreeFrom;
import static org.astroruntime.vospace.nodes.CatalogSql.inTransaction;
import static org.astroruntime.vospace.nodes.CatalogSql.insert;
import static org.astroruntime.vospace.nodes.CatalogSql.internal;
import static org.astroruntime.vospace.nodes.CatalogSql.isDuplicate;
import static org.astroruntime.vospace.nodes.CatalogSql.read;
import static org.astroruntime.vospace.nodes.CatalogSql.requireFreeDestination;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.astroruntime.common.id.NodePath;

/** Moves and copies of whole subtrees in the catalogue, each in one transaction. */
@ApplicationScoped
public class NodeTreeMoves {

    @Inject
    AgroalDataSource db;

    /**
     * Moves a node and everything below it to a new path in the same home, in one transaction: the move is
     * visible entirely or not at all.
     */
    public void move(String owner, NodePath from, NodePath to) {
        String f = from.toString();
        String t = to.toString();
        try {
            inTransaction(db, c -> {
                requireFreeDestination(c, owner, to);
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE nodes SET parent = ?, modified = ? WHERE owner = ? AND path = ?")) {
                    s.setString(1, to.parent().toString());
                    s.setTimestamp(2, Timestamp.from(Instant.now()));
                    s.setString(3, owner);
                    s.setString(4, f);
                    s.executeUpdate();
                }
                // Descendants first get their parent rewritten, then every path in the subtree.
                try (PreparedStatement s = c.prepareStatement("UPDATE nodes SET parent = CONCAT(?, SUBSTRING(parent, ?)) "
                        + "WHERE owner = ? AND path >= ? AND path < ?")) {
                    s.setString(1, t);
                    s.setInt(2, f.length() + 1);
                    s.setString(3, owner);
                    s.setString(4, f + "/");
                    s.setString(5, f + "0");
                    s.executeUpdate();
                }
                for (String table : List.of("nodes", "node_properties")) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET path = CONCAT(?, SUBSTRING(path, ?)) "
                            + "WHERE owner = ? AND (path = ? OR (path >= ? AND path < ?))")) {
                        s.setString(1, t);
                        s.setInt(2, f.length() + 1);
                        bindSubtreeFrom(s, 3, owner, f);
                        s.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw isDuplicate(e) ? new VoSpaceFault(Fault.DUPLICATE_NODE, owner + "/" + to + " exists already")
                    : internal("move " + owner + "/" + from, e);
        }
    }

    /**
     * Copies a node and everything below it to a new path in the same home (metadata and stored properties; the
     * caller copies the bytes). Returns the copied records under their new paths, parents before children.
     */
    public List<NodeRecord> copy(String owner, NodePath from, NodePath to) {
        String f = from.toString();
        List<NodeRecord> copies = new ArrayList<>();
        try {
            inTransaction(db, c -> {
                requireFreeDestination(c, owner, to);
                List<NodeRecord> subtree = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM nodes WHERE owner = ? "
                        + "AND (path = ? OR (path >= ? AND path < ?)) ORDER BY path")) {
                    bindSubtreeFrom(s, 1, owner, f);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            subtree.add(read(r));
                        }
                    }
                }
                Instant now = Instant.now();
                for (NodeRecord n : subtree) {
                    NodePath target = NodePath.parse(to + n.path().toString().substring(f.length()));
                    NodeRecord copy = new NodeRecord(owner, target, n.type(), n.linkTarget(), n.length(), n.md5(),
                            n.contentType(), owner, n.isPublic(), now, now);
                    insert(c, copy, null);
                    try (PreparedStatement s = c.prepareStatement("UPDATE nodes SET parent = ? WHERE owner = ? AND path = ?")) {
                        s.setString(1, target.parent().toString());
                        s.setString(2, owner);
                        s.setString(3, target.toString());
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO node_properties (owner, path, uri, prop_value) "
                            + "SELECT owner, ?, uri, prop_value FROM node_properties WHERE owner = ? AND path = ?")) {
                        s.setString(1, target.toString());
                        s.setString(2, owner);
                        s.setString(3, n.path().toString());
                        s.executeUpdate();
                    }
                    copies.add(copy);
                }
                return null;
            });
        } catch (SQLException e) {
            throw isDuplicate(e) ? new VoSpaceFault(Fault.DUPLICATE_NODE, owner + "/" + to + " exists already")
                    : internal("copy " + owner + "/" + from, e);
        }
        return copies;
    }

    /** Bytes held by the data nodes at and below {@code path}. */
    public long subtreeBytes(String owner, NodePath path) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(length), 0) FROM nodes WHERE owner = ? "
                     + "AND (path = ? OR (path >= ? AND path < ?))")) {
            bindSubtreeFrom(s, 1, owner, path.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw internal("sum the bytes below " + owner + "/" + path, e);
        }
    }

}
