package io.slipway.gateway;

import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.ProcessState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An app as the API shows it.
 *
 * @param pool the pool of engine workers that runs its deployments
 * @param currentRelease null before the first successful deployment
 * @param latestDeployment null before the first deployment
 * @param formation the scale requested per process type, applied at the next deployment
 * @param taskTimeoutSeconds the app's default task timeout; null for the engine's default
 * @param processes the app's process containers on the engine and their state, as the engine last reported them
 * @param engineError null when the engine's report is fresh and listed them; else why not, and the processes are
 *     those it last listed with their state {@code UNKNOWN}
 * @param url where the router serves the app; null without a router
 * @param limits the memory and CPU the app's containers may use; null for none
 * @param network the network the app shares with other apps, as its operator asked; null for its own
 * @param state what the app does: new, running, deploying, stopped or crashed
 */
public record AppView(
        String name,
        Instant createdAt,
        String pool,
        ReleaseView currentRelease,
        LatestDeployment latestDeployment,
        Map<String, Integer> formation,
        Long taskTimeoutSeconds,
        List<ProcessView> processes,
        String engineError,
        String url,
        LimitsSettings limits,
        String network,
        AppState state) {

    public AppView withProcesses(List<ProcessView> running, String engineError) {
        return new AppView(
                name,
                createdAt,
                pool,
                currentRelease,
                latestDeployment,
                formation,
                taskTimeoutSeconds,
                running,
                engineError,
                url,
                limits,
                network,
                state.given(running));
    }

    /** The release that runs: the deployment that made it, what was deployed, and what the containers run. */
    public record ReleaseView(String deploymentId, String image, String releaseImage, Instant deployedAt) {}

    public record LatestDeployment(String id, DeploymentStatus status, Instant createdAt) {}

    /**
     * @param address where a web container's {@code PORT} is published on the host ({@code 127.0.0.1:49153}); else null
     * @param restarts how often the engine restarted it; null when the engine did not say
     * @param startedAt when its process last started; null when the engine did not say
     */
    public record ProcessView(
            String type,
            String containerId,
            String name,
            String deploymentId,
            ProcessState state,
            String address,
            Integer restarts,
            Instant startedAt) {}
}
