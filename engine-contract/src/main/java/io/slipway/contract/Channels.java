package io.slipway.contract;

/**
 * The channels between gateway and engine: in memory when the gateway embeds the engine, Kafka topics
 * when workers run as services of their own.
 */
public final class Channels {

    /** Gateway to engine: {@link DeployCommand}s, keyed by app name. */
    public static final String DEPLOY_REQUESTS = "deploy-requests";

    /** Engine to gateway: {@link DeploymentEvent}s, keyed by deployment id. */
    public static final String DEPLOYMENT_EVENTS = "deployment-events";

    /** Workers to gateways: {@link WorkerStatus} reports, keyed by worker id. */
    public static final String WORKER_STATUS = "worker-status";

    /** Engine to gateway: {@link RunEvent}s of one-off runs, keyed by run id. */
    public static final String RUN_EVENTS = "run-events";

    /** The pool every app belongs to unless it was created in another, and the only one of an embedded engine. */
    public static final String DEFAULT_POOL = "default";

    /**
     * The partitions of a pool's topic, which the gateway creates before its first command to the pool: the most
     * workers one pool can spread its apps over.
     */
    public static final int POOL_PARTITIONS = 12;

    private Channels() {}

    /** The Kafka topic of one pool's commands: only that pool's workers read it (one consumer group per pool). */
    public static String deployRequestsTopic(String pool) {
        return DEPLOY_REQUESTS + "." + pool;
    }

    /** The consumer group of one pool's workers: they split the pool's apps between them. */
    public static String poolGroup(String pool) {
        return "slipway-pool-" + pool;
    }
}
