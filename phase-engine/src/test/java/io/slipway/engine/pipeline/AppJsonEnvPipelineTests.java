package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.ConfigAdded;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.runtime.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** app.json's env in a deployment: defaults and secrets fill the config before the first task, never values in events. */
class AppJsonEnvPipelineTests {

    private static final String IMAGE = "shop:1";
    private static final String APP_JSON = """
            {"scripts": {"dokku": {"predeploy": "echo hi"}},
             "env": {
               "GREETING": {"value": "hello"},
               "SESSION_SECRET": {"generator": "secret"},
               "DATABASE_URL": {"required": true}
             }}""";

    private final RecordingRuntime runtime = new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"));
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final DeploymentPipeline pipeline = RecordedPipelines.over(runtime);

    @Test
    void defaultsAndAGeneratedSecretReachEveryContainerAndTheEventButNoLine() {
        runtime.withFile(IMAGE, "/app/app.json", APP_JSON);

        DeploymentStatus status = deploy(Map.of("DATABASE_URL", "postgres://db", "GREETING", "operator's"));

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        ConfigAdded added = events.stream()
                .filter(ConfigAdded.class::isInstance)
                .map(ConfigAdded.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(added.variables()).containsOnlyKeys("SESSION_SECRET");
        String secret = added.variables().get("SESSION_SECRET");
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(runtime.tasks.get(0).env())
                .containsEntry("SESSION_SECRET", secret)
                .containsEntry("GREETING", "operator's")
                .containsEntry("DATABASE_URL", "postgres://db");
        assertThat(runtime.processes.get(0).env()).containsEntry("SESSION_SECRET", secret);
        assertThat(events)
                .filteredOn(event -> !(event instanceof ConfigAdded))
                .noneMatch(event -> event.toString().contains(secret));
        assertThat(events)
                .anyMatch(event -> event instanceof DeploymentEvent.Log log
                        && log.line().equals("app.json env: secrets generated for SESSION_SECRET"));
    }

    @Test
    void aRequiredVariableWithoutAValueFailsBeforeTheFirstTaskNamingIt() {
        runtime.withFile(IMAGE, "/app/app.json", APP_JSON);

        DeploymentStatus status = deploy(Map.of());

        assertThat(status).isEqualTo(DeploymentStatus.FAILED);
        Finished finished = (Finished) events.get(events.size() - 1);
        assertThat(finished.reason())
                .isEqualTo("app.json env: required config variables without a value: DATABASE_URL"
                        + " (set them in the app's config)");
        assertThat(runtime.tasks).isEmpty();
        assertThat(runtime.processes).isEmpty();
        assertThat(events).noneMatch(ConfigAdded.class::isInstance);
    }

    private DeploymentStatus deploy(Map<String, String> config) {
        DeploymentOrder order = DeploymentOrders.anImageDeploy()
                .app("shop")
                .image(IMAGE)
                .config(config)
                .build();
        return pipeline.run(order, events::add, new Cancellation());
    }
}
