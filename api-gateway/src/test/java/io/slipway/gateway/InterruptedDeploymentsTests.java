package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.gateway.service.InterruptedDeployments;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a start after a crash does to the deployments the previous run left behind. */
@QuarkusTest
class InterruptedDeploymentsTests {

    @Inject
    TestDeployments deployments;

    @Inject
    InterruptedDeployments interrupted;

    @Inject
    ContainerRuntime runtime;

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
                .phase(PhaseName.BUILD, PhaseStatus.SKIPPED, null, null, "not part of an image deployment")
                .phase(PhaseName.PREDEPLOY, PhaseStatus.RUNNING, "rake db:migrate", null, null)
                .id();
        String queued = deployments.queued(app, "example/web:3");

        assertThat(interrupted.recoverAll()).isGreaterThanOrEqualTo(2);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> api().get("/api/v1/deployments/" + queued).then().body("status", equalTo("FAILED")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> api().get("/api/v1/deployments/" + running).then().body("status", equalTo("FAILED")));
        api().get("/api/v1/deployments/" + running)
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", equalTo("interrupted"))
                .body("finishedAt", notNullValue())
                .body(
                        "phases.status",
                        equalTo(List.of("SKIPPED", "FAILED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED")))
                .body("phases[1].reason", equalTo("interrupted"))
                .body("phases[1].command", equalTo("rake db:migrate"));
        api().get("/api/v1/deployments/" + queued)
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", equalTo("interrupted"))
                .body(
                        "phases.status",
                        equalTo(List.of("SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED")));
        api().get("/api/v1/deployments/" + released).then().body("status", equalTo("SUCCEEDED"));
        api().get("/api/v1/apps/" + app).then().body("currentRelease.deploymentId", equalTo(released));
    }

    /**
     * A crash between a deployment's end and its retirement: the start asks the engine again, which retires what is
     * left of the named containers (here all gone already, as a start-up sweep leaves them) and reports it.
     */
    @Test
    void aRetirementDueBeforeTheRestartHappensAfterIt() {
        String app = newApp();
        String succeeded = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .retirementDue(List.of("0123456789abcdef"), Instant.now().minusSeconds(1))
                .finished(DeploymentStatus.SUCCEEDED, null, "example/web:1")
                .id();

        interrupted.recoverAll();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        api().get("/api/v1/deployments/" + succeeded).then().body("retiredAt", notNullValue()));
    }

    /**
     * A crash right after the switch: the new release's containers run the app's current image, so the
     * deployment is recorded as succeeded and becomes the current release, and the previous one retires.
     */
    @Test
    void aDeploymentWhoseSwitchHappenedBecomesTheCurrentRelease() {
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(
                    BuildContext.fromBaseImage("CMD [\"httpd\", \"-f\", \"-p\", \"5000\", \"-h\", \"/\"]"));
            String app = newApp();
            String first = deploy(app, image);
            api().get("/api/v1/deployments/" + first).then().body("status", equalTo("SUCCEEDED"));
            String previousContainer = api().get("/api/v1/apps/" + app).path("processes[0].containerId");
            String second = deployments.queuedWithEvents(app, image).started().id();
            runtime.startProcess(new ProcessSpec(
                    image,
                    "slipway-" + app + "-web-1-" + second.substring(0, 8),
                    List.of(),
                    Map.of(),
                    ContainerLabels.process(app, second, "web")));

            interrupted.recoverAll();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> api().get("/api/v1/deployments/" + second)
                            .then()
                            .body("status", equalTo("SUCCEEDED"))
                            .body("releaseImage", notNullValue()));
            api().get("/api/v1/apps/" + app)
                    .then()
                    .body("currentRelease.deploymentId", equalTo(second))
                    .body("processes.containerId", not(hasItem(previousContainer)))
                    .body("processes", hasSize(1));
            api().delete("/api/v1/apps/" + app).then().statusCode(204);
        }
    }
}
