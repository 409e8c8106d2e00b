package org.astroruntime.registry.ingest;

import org.astroruntime.registry.resource.VoResource;

/**
 * A record as read: what search and resolution use, and the record's own XML (served on request).
 *
 * @param resource the record's content
 * @param xml      the {@code Resource} element as a stand-alone document
 */
public record ParsedRecord(VoResource resource, String xml) {
}
