package org.astroruntime.vospace.nodes;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.vospace.xml.NodeProperty;
import org.astroruntime.vospace.xml.NodeType;

import static org.astroruntime.vospace.nodes.CatalogSql.COLUMNS;
import static org.astroruntime.vospace.nodes.CatalogSql.bindSubtree;
import static org.astroruntime.vospace.nodes.CatalogSql.insert;
import static org.astroruntime.vospace.nodes.CatalogSql.internal;
import static org.astroruntime.vospace.nodes.CatalogSql.isDuplicate;
import static org.astroruntime.vospace.nodes.CatalogSql.read;

/**
 * The node tree's metadata in the service's database. Uniqueness of a path is the primary key, so of two
 * concurrent creations of one node exactly one succeeds; a child is only inserted while its parent container
 * exists (checked in the same statement).
 */
@ApplicationScoped
public class NodeCatalog {

    @Inject
    AgroalDataSource db;

    public Optional<NodeRecord> find(String owner, NodePath path) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM nodes WHERE owner = ? AND path = ?")) {
            s.setString(1, owner);
            s.setString(2, path.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw internal("read " + owner + "/" + path, e);
        }
    }

    /** Creates the owner's home container on first use. */
    public void ensureHome(String owner) {
        if (find(owner, NodePath.ROOT).isPresent()) {
            return;
        }
        Instant now = Instant.now();
        try (Connection c = db.getConnection()) {
            insert(c, new NodeRecord(owner, NodePath.ROOT, NodeType.CONTAINER, null, 0, null, null, owner, false, now, now), null);
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw internal("create the home of " + owner, e);
            }
        }
    }

    /**
     * Creates a node whose parent container must exist.
     *
     * @throws VoSpaceFault DuplicateNode, or ContainerNotFound when the parent is missing or not a container
     */
    public void create(NodeRecord node, List<NodeProperty> properties) {
        ensureHome(node.owner());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int inserted = insert(c, node, node.path().parent().toString());
                if (inserted == 0) {
                    throw new VoSpaceFault(Fault.CONTAINER_NOT_FOUND, "no container " + node.path().parent() + " in the home of " + node.owner());
                }
                writeProperties(c, node.owner(), node.path(), properties);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                throw new VoSpaceFault(Fault.DUPLICATE_NODE, node.owner() + "/" + node.path() + " exists already");
            }
            throw internal("create " + node.owner() + "/" + node.path(), e);
        }
    }

    /** Creates every missing container from the home down to {@code dir} (the data URL's convenience). */
    public void ensureContainers(String owner, NodePath dir) {
        ensureHome(owner);
        NodePath current = NodePath.ROOT;
        for (String segment : dir.segments()) {
            current = current.child(segment);
            Optional<NodeRecord> existing = find(owner, current);
            if (existing.isPresent()) {
                if (existing.get().type() != NodeType.CONTAINER) {
                    throw new VoSpaceFault(Fault.CONTAINER_NOT_FOUND, owner + "/" + current + " is not a container");
                }
                continue;
            }
            Instant now = Instant.now();
            try {
                create(new NodeRecord(owner, current, NodeType.CONTAINER, null, 0, null, null, owner, false, now, now), List.of());
            } catch (VoSpaceFault raced) {
                if (raced.fault() != Fault.DUPLICATE_NODE) {
                    throw raced;
                }
            }
        }
    }

    /** Records new bytes of a data node, creating the node when it is new. Returns true when it was created. */
    public boolean recordData(String owner, NodePath path, long length, String md5, String contentType, Instant when) {
        Optional<NodeRecord> existing = find(owner, path);
        if (existing.isPresent()) {
            if (!existing.get().type().isData()) {
                throw new VoSpaceFault(Fault.TYPE_NOT_SUPPORTED, owner + "/" + path + " is a " + existing.get().type().localName() + ", not a data node");
            }
            try (Connection c = db.getConnection();
                 PreparedStatement s = c.prepareStatement(
                         "UPDATE nodes SET length = ?, md5 = ?, content_type = ?, modified = ? WHERE owner = ? AND path = ?")) {
                s.setLong(1, length);
                s.setString(2, md5);
                s.setString(3, contentType);
                s.setTimestamp(4, Timestamp.from(when));
                s.setString(5, owner);
                s.setString(6, path.toString());
                s.executeUpdate();
                return false;
            } catch (SQLException e) {
                throw internal("update " + owner + "/" + path, e);
            }
        }
        try {
            create(new NodeRecord(owner, path, NodeType.DATA, null, length, md5, contentType, owner, false, when, when), List.of());
            return true;
        } catch (VoSpaceFault e) {
            if (e.fault() != Fault.DUPLICATE_NODE) {
                throw e;
            }
            // Another upload of the same new node committed first: this one replaces it, as the later write.
            return recordData(owner, path, length, md5, contentType, when);
        }
    }

    /**
     * Deletes a node and everything below it.
     *
     * @return the deleted nodes (so that their bytes can be removed), empty when there was no such node
     */
    public List<NodeRecord> delete(String owner, NodePath path) {
        // Descendants are the paths between "p/" and "p0" ('0' follows '/'), which needs no LIKE escaping.
        String p = path.toString();
        String where = "owner = ? AND (path = ? OR (path >= ? AND path < ?))";
        List<NodeRecord> deleted = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM nodes WHERE " + where)) {
                    bindSubtree(s, owner, p);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            deleted.add(read(r));
                        }
                    }
                }
                for (String table : List.of("node_properties", "nodes")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
                        bindSubtree(s, owner, p);
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw internal("delete " + owner + "/" + p, e);
        }
        return deleted;
    }

    /**
     * Streams the children of a container in name order, starting after {@code after} (null for the first), at
     * most {@code limit} of them (negative for all). Rows are read with a cursor, never all at once.
     */
    public void children(String owner, NodePath container, String after, int limit, Consumer<NodeRecord> sink) {
        String sql = "SELECT " + COLUMNS + " FROM nodes WHERE owner = ? AND parent = ? AND path > ? ORDER BY path"
                + (limit >= 0 ? " LIMIT " + limit : "");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(500);
            s.setString(1, owner);
            s.setString(2, container.toString());
            s.setString(3, after == null ? "" : after);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sink.accept(read(r));
                }
            }
        } catch (SQLException e) {
            throw internal("list " + owner + "/" + container, e);
        }
    }

    /** Bytes held by the owner's data nodes. */
    public long usedBytes(String owner) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(length), 0) FROM nodes WHERE owner = ?")) {
            s.setString(1, owner);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw internal("sum the usage of " + owner, e);
        }
    }

    /** The stored (non-derived) properties of a node. */
    public Map<String, String> properties(String owner, NodePath path) {
        Map<String, String> props = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT uri, prop_value FROM node_properties WHERE owner = ? AND path = ? ORDER BY uri")) {
            s.setString(1, owner);
            s.setString(2, path.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    props.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw internal("read properties of " + owner + "/" + path, e);
        }
        return props;
    }

    /** Sets, replaces or (for deletion markers) removes stored properties, in one transaction. */
    public void updateProperties(String owner, NodePath path, List<NodeProperty> properties) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                writeProperties(c, owner, path, properties);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw internal("set properties of " + owner + "/" + path, e);
        }
    }

    public void setPublic(String owner, NodePath path, boolean isPublic) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE nodes SET is_public = ?, modified = ? WHERE owner = ? AND path = ?")) {
            s.setBoolean(1, isPublic);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, owner);
            s.setString(4, path.toString());
            s.executeUpdate();
        } catch (SQLException e) {
            throw internal("set ispublic of " + owner + "/" + path, e);
        }
    }

    private static void writeProperties(Connection c, String owner, NodePath path, List<NodeProperty> properties) throws SQLException {
        for (NodeProperty p : properties) {
            if (p.delete()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM node_properties WHERE owner = ? AND path = ? AND uri = ?")) {
                    s.setString(1, owner);
                    s.setString(2, path.toString());
                    s.setString(3, p.uri());
                    s.executeUpdate();
                }
            } else {
                // Delete and insert in the caller's transaction: portable SQL (H2 and PostgreSQL) for an upsert.
                try (PreparedStatement s = c.prepareStatement("DELETE FROM node_properties WHERE owner = ? AND path = ? AND uri = ?")) {
                    s.setString(1, owner);
                    s.setString(2, path.toString());
                    s.setString(3, p.uri());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO node_properties (owner, path, uri, prop_value) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, owner);
                    s.setString(2, path.toString());
                    s.setString(3, p.uri());
                    s.setString(4, p.value());
                    s.executeUpdate();
                }
            }
        }
    }

}
