package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.TaskSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which network a deployment's build, tasks and processes join, and that the app's own goes with the app. */
class AppNetworkPipelineTests {

    private static final String APP_JSON = "{\"scripts\": {\"dokku\": {\"predeploy\": \"echo before\"}}}";
    private static final String PROCFILE = "release: echo releasing\nweb: httpd -f -p $PORT\nworker: work\n";
    private static final String OWN_NETWORK = "slipway-app-shop";

    private final RecordingRuntime runtime = new RecordingRuntime();
    private final List<DeploymentEvent> events = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void theBuildTasksAndProcessesOfADeploymentJoinTheAppsOwnNetwork() throws IOException {
        DeploymentStatus status = deploy(Optional.empty(), DeploymentOrders.aBuildOf(context()));

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.networks).containsExactly(Map.entry(OWN_NETWORK, Map.of(ContainerLabels.APP, "shop")));
        assertThat(runtime.buildNetworks).containsExactly(Optional.of(OWN_NETWORK));
        assertThat(runtime.tasks)
                .hasSize(2)
                .allSatisfy(task -> assertThat(task.network()).contains(OWN_NETWORK));
        assertThat(runtime.processes)
                .hasSize(2)
                .allSatisfy(process -> assertThat(process.network()).contains(OWN_NETWORK));
    }

    @Test
    void withNetworkModeNoneBuildsAndTasksGetNoNetworkWhileProcessesKeepTheAppsToPublish() throws IOException {
        DeploymentStatus status = deploy(Optional.of("none"), DeploymentOrders.aBuildOf(context()));

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.buildNetworks).containsExactly(Optional.of("none"));
        assertThat(runtime.tasks).extracting(TaskSpec::network).containsOnly(Optional.of("none"));
        assertThat(runtime.processes).extracting(ProcessSpec::network).containsOnly(Optional.of(OWN_NETWORK));
        assertThat(runtime.networks).containsOnlyKeys(OWN_NETWORK);
    }

    @Test
    void aSharedNetworkTheOperatorNamedReplacesTheAppsOwn() throws IOException {
        DeploymentStatus status =
                deploy(Optional.empty(), DeploymentOrders.aBuildOf(context()).network(Optional.of("backend")));

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.networks).containsExactly(Map.entry("backend", Map.of(AppNetwork.SHARED_LABEL, "true")));
        assertThat(runtime.buildNetworks).containsExactly(Optional.of("backend"));
        assertThat(runtime.tasks).extracting(TaskSpec::network).containsOnly(Optional.of("backend"));
        assertThat(runtime.processes).extracting(ProcessSpec::network).containsOnly(Optional.of("backend"));
    }

    @Test
    void anExplicitNetworkModeIsUsedForEverythingAndNoNetworkIsMade() throws IOException {
        DeploymentStatus status = deploy(Optional.of("bridge"), DeploymentOrders.aBuildOf(context()));

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.networks).isEmpty();
        assertThat(runtime.buildNetworks).containsExactly(Optional.of("bridge"));
        assertThat(runtime.tasks).extracting(TaskSpec::network).containsOnly(Optional.of("bridge"));
        assertThat(runtime.processes).extracting(ProcessSpec::network).containsOnly(Optional.of("bridge"));
    }

    @Test
    void deletingTheAppRemovesItsOwnNetworkAfterItsContainers() throws IOException {
        deploy(Optional.empty(), DeploymentOrders.aBuildOf(context()));

        List<String> problems = new AppRemoval(runtime, Duration.ZERO).removeApp("shop");

        assertThat(problems).isEmpty();
        assertThat(runtime.removedNetworks).containsExactly(OWN_NETWORK);
        assertThat(runtime.networks).isEmpty();
        assertThat(runtime.listContainers(ContainerLabels.allOf("shop"))).isEmpty();
    }

    @Test
    void aDockerfileThatWouldMakeTheEngineFetchFromTheHostFailsTheBuildBeforeItStarts() throws IOException {
        Path context = context("FROM base\nADD http://127.0.0.1:2019/config/ /config\n");

        DeploymentStatus status = deploy(Optional.empty(), DeploymentOrders.aBuildOf(context));

        assertThat(status).isEqualTo(DeploymentStatus.FAILED);
        assertThat(runtime.buildNetworks).as("builds started").isEmpty();
        assertThat(((DeploymentEvent.Finished) events.get(events.size() - 1)).reason())
                .isEqualTo("build: Dockerfile:2: ADD from a URL (http, https or git) is not allowed: the engine"
                        + " would fetch it from the host; download it in a RUN step instead");
    }

    private DeploymentStatus deploy(Optional<String> networkMode, DeploymentOrder.Builder order) {
        DeploymentOrder built = order.deploymentId("11111111-2222-3333-4444-555555555555")
                .app("shop")
                .formation(Map.of("web", 1, "worker", 1))
                .build();
        return RecordedPipelines.over(runtime, networkMode).run(built, events::add, new Cancellation());
    }

    private Path context() throws IOException {
        return context("FROM base\n");
    }

    private Path context(String dockerfile) throws IOException {
        Path context = dir.resolve("context.tar");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> file : Map.of(
                            "Dockerfile", dockerfile, "app.json", APP_JSON, "Procfile", PROCFILE)
                    .entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        Files.write(context, bytes.toByteArray());
        return context;
    }
}
