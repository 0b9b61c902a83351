package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseStatus;
import io.slipway.engine.pipeline.Phase;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeploymentMetricsTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeploymentMetrics metrics = new DeploymentMetrics(registry);

    @Test
    void deploymentsAreCountedByOutcome() {
        metrics.record(new DeploymentEvent.Finished("d1", "shop", 9, START, DeploymentStatus.SUCCEEDED, null, "img"));
        metrics.record(new DeploymentEvent.Finished(
                "d2", "shop", 9, START, DeploymentStatus.FAILED, "release: timeout", null));
        metrics.record(new DeploymentEvent.Finished("d3", "blog", 9, START, DeploymentStatus.SUCCEEDED, null, "img"));

        assertThat(registry.get("slipway.deployments")
                        .tag("outcome", "succeeded")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("slipway.deployments")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aPhaseIsTimedFromRunningToItsEndAndATimeoutIsCounted() {
        metrics.record(phase(Phase.PREDEPLOY, PhaseStatus.RUNNING, START, null));
        metrics.record(phase(Phase.PREDEPLOY, PhaseStatus.SUCCEEDED, START.plusSeconds(3), null));
        metrics.record(phase(Phase.RELEASE, PhaseStatus.RUNNING, START.plusSeconds(3), null));
        metrics.record(phase(Phase.RELEASE, PhaseStatus.FAILED, START.plusSeconds(13), "timeout"));

        assertThat(registry.get("slipway.phase.duration")
                        .tags("phase", "predeploy", "status", "succeeded")
                        .timer()
                        .totalTime(TimeUnit.SECONDS))
                .isEqualTo(3);
        assertThat(registry.get("slipway.phase.duration")
                        .tags("phase", "release", "status", "failed")
                        .timer()
                        .totalTime(TimeUnit.SECONDS))
                .isEqualTo(10);
        assertThat(registry.get("slipway.tasks.timed.out")
                        .tag("phase", "release")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSkippedPhaseIsNotTimed() {
        metrics.record(phase(Phase.BUILD, PhaseStatus.SKIPPED, START, "not part of an image deployment"));

        assertThat(registry.find("slipway.phase.duration").timers()).isEmpty();
    }

    private static DeploymentEvent.PhaseChanged phase(Phase phase, PhaseStatus status, Instant at, String reason) {
        return new DeploymentEvent.PhaseChanged("d1", "shop", 1, at, phase.reported(), status, null, null, reason);
    }
}
