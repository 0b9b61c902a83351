package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.engine.pipeline.Phase;
import io.slipway.engine.pipeline.PhaseStatus;
import io.slipway.gateway.service.InterruptedDeployments;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a start after a crash does to the deployments the previous run left behind. */
@QuarkusTest
class InterruptedDeploymentsTests {

    @Inject
    TestDeployments deployments;

    @Inject
    InterruptedDeployments interrupted;

    @Test
    void queuedAndRunningDeploymentsFailAsInterruptedWithTheirPhasesClosed() {
        String app = newApp();
        String released = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", "example/web:1")
                .id();
        String running = deployments
                .queuedWithEvents(app, "example/web:2")
                .started()
                .phase(Phase.BUILD, PhaseStatus.SKIPPED, null, null, "not part of an image deployment")
                .phase(Phase.PREDEPLOY, PhaseStatus.RUNNING, "rake db:migrate", null, null)
                .id();
        String queued = deployments.queued(app, "example/web:3");

        assertThat(interrupted.markInterrupted()).isGreaterThanOrEqualTo(2);

        api().get("/api/v1/deployments/" + running)
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", equalTo("interrupted"))
                .body("finishedAt", notNullValue())
                .body("phases.status", equalTo(List.of("SKIPPED", "FAILED", "SKIPPED", "SKIPPED", "SKIPPED")))
                .body("phases[1].reason", equalTo("interrupted"))
                .body("phases[1].command", equalTo("rake db:migrate"));
        api().get("/api/v1/deployments/" + queued)
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", equalTo("interrupted"))
                .body("phases.status", equalTo(List.of("SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED")));
        api().get("/api/v1/deployments/" + released).then().body("status", equalTo("SUCCEEDED"));
        api().get("/api/v1/apps/" + app).then().body("currentRelease.deploymentId", equalTo(released));
    }
}
