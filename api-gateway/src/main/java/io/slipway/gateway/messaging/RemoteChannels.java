package io.slipway.gateway.messaging;

/**
 * The gateway's Kafka channels to engine workers ({@code SLIPWAY_ENGINE=remote}). They are apart from the
 * in-memory channels of the embedded engine, so that one build serves both modes: their connector is chosen
 * when the gateway starts ({@link io.slipway.gateway.config.RemoteChannelConnector}).
 */
public final class RemoteChannels {

    /** {@code DeployCommand}s; each record goes to its app's pool's topic, keyed by app. */
    public static final String DEPLOY_REQUESTS = "remote-deploy-requests";

    /** {@code DeploymentEvent}s from every pool's workers. */
    public static final String DEPLOYMENT_EVENTS = "remote-deployment-events";

    /** {@code RunEvent}s of one-off runs from every pool's workers. */
    public static final String RUN_EVENTS = "remote-run-events";

    /** {@code WorkerStatus} reports. */
    public static final String WORKER_STATUS = "remote-worker-status";

    private RemoteChannels() {}
}
