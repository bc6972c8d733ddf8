package org.zkplatform.zab.admin;

/**
 * Whether the server serves clients now, for an orchestrator's readiness probe.
 *
 * @param state standalone, leading, following, observing or looking
 * @param reason why it does not serve, or "serving"
 */
public record Readiness(boolean ready, String state, String reason) {
}
