package org.astroruntime.vospace.nodes;

import java.time.Instant;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.vospace.xml.NodeType;

/**
 * What the catalogue knows of one node.
 *
 * @param owner       the home it is in
 * @param path        its path below the home
 * @param type        container, data or link
 * @param linkTarget  a link's target URI, else null
 * @param length      bytes of a data node (0 otherwise)
 * @param md5         hex MD5 of a data node's bytes, or null before the first upload
 * @param contentType the media type of a data node's bytes, or null
 * @param creator     who created it
 * @param isPublic    readable by anyone when true
 * @param created     when it was created
 * @param modified    when it or its bytes last changed
 */
public record NodeRecord(String owner, NodePath path, NodeType type, String linkTarget, long length, String md5,
                         String contentType, String creator, boolean isPublic, Instant created, Instant modified) {
}
