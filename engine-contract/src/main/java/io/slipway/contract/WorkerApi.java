package io.slipway.contract;

/**
 * What a worker asks the gateway over HTTP ({@code SLIPWAY_GATEWAY_URL}, with {@code SLIPWAY_WORKER_TOKEN}
 * as its bearer token), which no broker answers: whether it may run a deployment now, the build
 * context a deployment was uploaded with, and whether it may run the app's one-time setup task.
 */
public final class WorkerApi {

    /** {@code POST} a {@link ClaimRequest}; the answer is a {@link Claim}. */
    public static final String CLAIM = "/api/v1/worker/deployments/{id}/claim";

    /** {@code GET}: the uploaded build context, as uploaded (a tar, plain or gzip). */
    public static final String BUILD_CONTEXT = "/api/v1/worker/deployments/{id}/context";

    /**
     * {@code POST} a {@link ClaimRequest} before a deployment's SETUP task starts; the answer is a {@link Claim}:
     * {@code GRANTED} once the gateway has stored that the app's setup task runs in this deployment, {@code REFUSED}
     * when it ran in another (or the deployment is not the worker's).
     */
    public static final String SETUP = "/api/v1/worker/deployments/{id}/setup";

    private WorkerApi() {}

    public static String claimPath(String deploymentId) {
        return CLAIM.replace("{id}", deploymentId);
    }

    public static String buildContextPath(String deploymentId) {
        return BUILD_CONTEXT.replace("{id}", deploymentId);
    }

    public static String setupPath(String deploymentId) {
        return SETUP.replace("{id}", deploymentId);
    }

    /** A worker asks to run a deployment it received. */
    public record ClaimRequest(String workerId, String pool) {}

    /**
     * The gateway's answer, decided in its database so that a redelivered, replayed or rebalanced command
     * never runs a deployment twice and one app's deployments run one at a time, in the order requested.
     */
    public record Claim(Verdict verdict, String reason) {

        public enum Verdict {
            /** Run it now: it is this worker's. */
            GRANTED,
            /** Ask again shortly: a deployment of the app requested before it has not ended. */
            WAIT,
            /** Never run it: it ran, runs elsewhere, or ended (cancelled, lost). */
            REFUSED
        }
    }
}
