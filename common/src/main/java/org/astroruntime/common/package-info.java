/**
 * Shared code of the AstroRuntime services: the event model carried on Kafka ({@code event}), VO identifiers
 * ({@code id}), streaming VOTable checks over STIL ({@code votable}), topic provisioning ({@code kafka}), the JSON
 * error body ({@code error}) and hardened XML parsing ({@code xml}). Nothing here starts threads or holds state.
 */
package org.astroruntime.common;
