package io.slipway.engine.messaging;

/** The channels between gateway and engine; in memory when embedded, Kafka topics when scaled out. */
public final class Channels {

    /** Gateway to engine: {@link DeployCommand}s, keyed by app name. */
    public static final String DEPLOY_REQUESTS = "deploy-requests";

    /** Engine to gateway: {@link io.slipway.engine.pipeline.DeploymentEvent}s, keyed by deployment id. */
    public static final String DEPLOYMENT_EVENTS = "deployment-events";

    private Channels() {}
}
