package org.astroruntime.registry.index;

/**
 * A committed change of the resource set, to be announced on {@code vo.registry.events}.
 *
 * @param ivoid   the resource
 * @param deleted true when the resource left the registry, false when it was added or replaced
 * @param title   its title (null for deletions)
 */
public record Change(String ivoid, boolean deleted, String title) {
}
