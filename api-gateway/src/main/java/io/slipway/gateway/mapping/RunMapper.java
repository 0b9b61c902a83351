package io.slipway.gateway.mapping;

import io.slipway.gateway.RunView;
import io.slipway.gateway.repository.Run;

/** Runs as the API shows them. */
public final class RunMapper {

    private RunMapper() {}

    public static RunView toView(Run run) {
        return new RunView(
                run.id(),
                run.app(),
                run.command(),
                run.status(),
                run.exitCode().orElse(null),
                run.releaseDeploymentId(),
                run.trigger(),
                run.createdAt(),
                run.startedAt().orElse(null),
                run.finishedAt().orElse(null),
                run.reason().orElse(null));
    }
}
