package io.slipway.gateway;

import io.slipway.contract.RunStatus;
import java.time.Instant;

/**
 * A one-off run as the API shows it.
 *
 * @param exitCode the command's exit code once it exited by itself
 * @param releaseDeploymentId the deployment whose release image the run's container runs
 * @param trigger {@code api}, or {@code cron:<id>} for a schedule's run
 * @param reason why it failed, timed out or was cancelled
 */
public record RunView(
        String id,
        String app,
        String command,
        RunStatus status,
        Integer exitCode,
        String releaseDeploymentId,
        String trigger,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String reason) {}
