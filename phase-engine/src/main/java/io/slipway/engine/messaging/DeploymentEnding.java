package io.slipway.engine.messaging;

/**
 * A deployment's end, or the retirement of what it replaced after its end, is about to be published: fired on the publishing thread, which waits for the observers, so
 * that what they report reaches the gateway before the end does.
 */
public record DeploymentEnding(String deploymentId) {}
