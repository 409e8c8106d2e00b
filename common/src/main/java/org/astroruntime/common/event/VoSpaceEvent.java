package org.astroruntime.common.event;

import java.time.Instant;

/**
 * A VOSpace node created, changed or deleted, as published on {@code vo.vospace.events} (key = owner).
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param owner         the node's owner
 * @param uri           the node's {@code vos://} URI
 * @param action        what happened
 * @param length        the data length after the change (0 for containers and deletions)
 * @param time          when the change became visible
 */
public record VoSpaceEvent(int schemaVersion, String owner, String uri, Action action, long length, Instant time)
        implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    /** What happened to the node. */
    public enum Action { CREATED, CHANGED, DELETED }

    public VoSpaceEvent {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(owner, "owner");
        Require.text(uri, "uri");
        Require.present(action, "action");
        Require.present(time, "time");
    }
}
