package org.astroruntime.vospace.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.vospace.xml.NodeType;

/** SQL shared by the catalogue's classes: row mapping, insertion, subtree ranges, error translation. */
final class CatalogSql {

    static final String COLUMNS = "owner, path, type, link_target, length, md5, content_type, creator, is_public, created, modified";

    /** Inserts a node; with a parent, only while that parent exists as a container (0 rows otherwise). */
    static int insert(Connection c, NodeRecord n, String parent) throws SQLException {
        String sql = parent == null
                ? "INSERT INTO nodes (" + COLUMNS + ", parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO nodes (" + COLUMNS + ", parent) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM nodes WHERE owner = ? AND path = ? AND type = 'ContainerNode')";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, n.owner());
            s.setString(2, n.path().toString());
            s.setString(3, n.type().localName());
            s.setString(4, n.linkTarget());
            s.setLong(5, n.length());
            s.setString(6, n.md5());
            s.setString(7, n.contentType());
            s.setString(8, n.creator());
            s.setBoolean(9, n.isPublic());
            s.setTimestamp(10, Timestamp.from(n.created()));
            s.setTimestamp(11, Timestamp.from(n.modified()));
            s.setString(12, parent);
            if (parent != null) {
                s.setString(13, n.owner());
                s.setString(14, parent);
            }
            return s.executeUpdate();
        }
    }

    static void bindSubtree(PreparedStatement s, String owner, String p) throws SQLException {
        s.setString(1, owner);
        s.setString(2, p);
        s.setString(3, p.isEmpty() ? "" : p + "/");
        s.setString(4, p.isEmpty() ? "\uffff" : p + "0");
    }

    static void requireFreeDestination(Connection c, String owner, NodePath to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT type FROM nodes WHERE owner = ? AND path = ?")) {
            s.setString(1, owner);
            s.setString(2, to.parent().toString());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !NodeType.CONTAINER.localName().equals(r.getString(1))) {
                    throw new VoSpaceFault(Fault.CONTAINER_NOT_FOUND, "no container " + to.parent() + " in the home of " + owner);
                }
            }
            s.setString(2, to.toString());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw new VoSpaceFault(Fault.DUPLICATE_NODE, owner + "/" + to + " exists already");
                }
            }
        }
    }

    static void bindSubtreeFrom(PreparedStatement s, int first, String owner, String p) throws SQLException {
        s.setString(first, owner);
        s.setString(first + 1, p);
        s.setString(first + 2, p + "/");
        s.setString(first + 3, p + "0");
    }

    static NodeRecord read(ResultSet r) throws SQLException {
        return new NodeRecord(r.getString(1), NodePath.parse(r.getString(2)), typeOf(r.getString(3)), r.getString(4),
                r.getLong(5), r.getString(6), r.getString(7), r.getString(8), r.getBoolean(9),
                r.getTimestamp(10).toInstant(), r.getTimestamp(11).toInstant());
    }

    static NodeType typeOf(String localName) {
        for (NodeType t : NodeType.values()) {
            if (t.localName().equals(localName)) {
                return t;
            }
        }
        throw new IllegalStateException("unknown node type in the catalogue: " + localName);
    }

    static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState()) || e instanceof java.sql.SQLIntegrityConstraintViolationException;
    }

    static VoSpaceFault internal(String what, SQLException e) {
        return new VoSpaceFault(Fault.INTERNAL_FAULT, "cannot " + what + ": " + e.getMessage());
    }

    /** Work on one connection in one transaction: committed when it returns, rolled back when it throws. */
    interface Transaction<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T inTransaction(javax.sql.DataSource db, Transaction<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private CatalogSql() {
    }
}
