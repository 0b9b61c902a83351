package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.PhaseStatus;
import io.slipway.engine.pipeline.DeploymentPlan.PhasePlan;
import io.slipway.manifest.ManifestParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dry run's plan, by the pipeline's rules, against a recording runtime: it reads files and runs nothing. */
class DeploymentPlannerTests {

    private static final String IMAGE = "shop:1";

    private final RecordingRuntime runtime = new RecordingRuntime();
    private final DeploymentPlanner planner =
            new DeploymentPlanner(runtime, new ManifestParser(), List.of("/bin/sh", "-c"));

    @Test
    void anEntrypointImageGetsTheWordsAndTheFormationIsPlannedWithoutRunningAnything() throws Exception {
        runtime.withImage(IMAGE, List.of("/entry"), List.of("serve"));
        runtime.withFile(IMAGE, "/app/app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"migrate --to 'v 2'\"}}}");
        runtime.withFile(IMAGE, "/app/Procfile", "worker: work hard\n");

        DeploymentPlan plan = planner.plan(DeploymentOrders.anImageDeploy()
                .app("shop")
                .image(IMAGE)
                .formation(Map.of("worker", 2))
                .build());

        assertThat(plan.phases())
                .extracting(PhasePlan::status)
                .containsExactly(
                        PhaseStatus.SKIPPED,
                        PhaseStatus.PENDING,
                        PhaseStatus.SKIPPED,
                        PhaseStatus.PENDING,
                        PhaseStatus.SKIPPED,
                        PhaseStatus.SKIPPED);
        assertThat(plan.phases().get(1).containerCommand()).containsExactly("migrate", "--to", "v 2");
        assertThat(plan.phases().get(2).reason()).isEqualTo("no command in the Procfile release entry");
        assertThat(plan.processes())
                .containsExactly(
                        new DeploymentPlan.ProcessTypePlan("web", 1, null, List.of("/entry", "serve")),
                        new DeploymentPlan.ProcessTypePlan("worker", 2, "work hard", List.of("work", "hard")));
        assertThat(plan.errors()).isEmpty();
        assertThat(runtime.tasks).isEmpty();
        assertThat(runtime.processes).isEmpty();
    }

    @Test
    void whatWouldFailIsListedAsErrors() throws Exception {
        runtime.withImage(IMAGE, List.of(), List.of("/bin/sh"));
        runtime.withFile(IMAGE, "/app/app.json", "{\"env\": {\"API_KEY\": {\"required\": true}}}");

        DeploymentPlan plan = planner.plan(DeploymentOrders.anImageDeploy()
                .app("shop")
                .image(IMAGE)
                .formation(Map.of("clock", 1))
                .build());

        assertThat(plan.env().missing()).containsExactly("API_KEY");
        assertThat(plan.errors())
                .containsExactly(
                        "app.json env: required config variables without a value: API_KEY (set them in the app's"
                                + " config)",
                        "deploy: process type 'clock' is not in the Procfile");
    }
}
