-- Node metadata. Bytes of data nodes live in the file store; this table says which nodes exist and what they are.
-- path is relative to the owner's home ('' is the home itself); parent is the containing path (NULL for a home).
CREATE TABLE nodes (
    owner        VARCHAR(64)   NOT NULL,
    path         VARCHAR(1100) NOT NULL,
    parent       VARCHAR(1100),
    type         VARCHAR(32)   NOT NULL,
    link_target  VARCHAR(2048),
    length       BIGINT        NOT NULL,
    md5          VARCHAR(32),
    content_type VARCHAR(255),
    creator      VARCHAR(64)   NOT NULL,
    is_public    BOOLEAN       NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    modified     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner, path)
);
CREATE INDEX nodes_by_parent ON nodes (owner, parent, path);

-- Properties that are not derived from the columns above (title, description, user-defined ones).
CREATE TABLE node_properties (
    owner VARCHAR(64)   NOT NULL,
    path  VARCHAR(1100) NOT NULL,
    uri   VARCHAR(512)  NOT NULL,
    prop_value VARCHAR(65536),
    PRIMARY KEY (owner, path, uri)
);
