package io.slipway.engine.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * The pipeline's defaults, framework-free; the worker maps its configuration onto it.
 *
 * @param taskTimeout how long a task may run unless the deployment says otherwise
 * @param startTimeout how long a new process container may take to reach running
 * @param settleTime how long new process containers must stay running before DEPLOY succeeds
 * @param stopGrace how long a retired process container gets to stop before it is killed
 * @param port the {@code PORT} processes listen on
 * @param shell the default command prefix for tasks in images without an entrypoint
 */
public record PipelineSettings(
        Duration taskTimeout,
        Duration startTimeout,
        Duration settleTime,
        Duration stopGrace,
        int port,
        List<String> shell) {

    public PipelineSettings {
        shell = List.copyOf(shell);
    }
}
