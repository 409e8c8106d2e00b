package org.astroruntime.common.event;

import java.time.Instant;

/**
 * A registry resource inserted, updated or deleted, as published on {@code vo.registry.events}
 * (key = the resource's {@code ivo://} identifier). Consumers drop cached resolutions on it.
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param ivoid         the resource's normalised identifier
 * @param action        what happened
 * @param title         the resource title, or null when deleted
 * @param time          when the registry recorded the change
 */
public record RegistryEvent(int schemaVersion, String ivoid, Action action, String title, Instant time)
        implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    /** What happened to the resource. */
    public enum Action { UPSERTED, DELETED }

    public RegistryEvent {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(ivoid, "ivoid");
        Require.present(action, "action");
        Require.present(time, "time");
    }
}
