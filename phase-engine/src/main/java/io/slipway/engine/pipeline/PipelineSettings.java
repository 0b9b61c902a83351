package io.slipway.engine.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's defaults, framework-free; the worker maps its configuration onto it.
 *
 * @param taskTimeout how long a task may run unless the deployment says otherwise
 * @param startTimeout how long a new process container may take to reach running
 * @param settleTime how long new process containers must stay running before DEPLOY succeeds
 * @param stopGrace how long a retired process container gets to stop before it is killed
 * @param waitToRetire how long the previous release's containers keep running after the switch and
 *     POSTDEPLOY, so that requests they are still answering can finish
 * @param port the {@code PORT} processes listen on
 * @param shell the default command prefix for tasks in images without an entrypoint
 * @param maxLogLines how many lines of output (stdout and stderr of builds and tasks) one deployment
 *     reports; the rest is dropped and counted
 * @param network the network mode ({@code SLIPWAY_NETWORK}); empty for each app's own network (see
 *     {@link AppNetwork})
 */
public record PipelineSettings(
        Duration taskTimeout,
        Duration startTimeout,
        Duration settleTime,
        Duration stopGrace,
        Duration waitToRetire,
        int port,
        List<String> shell,
        int maxLogLines,
        Optional<String> network) {

    public PipelineSettings {
        shell = List.copyOf(shell);
        Objects.requireNonNull(network, "network");
        if (maxLogLines < 0) {
            throw new IllegalArgumentException("maxLogLines must not be negative: " + maxLogLines);
        }
    }
}
