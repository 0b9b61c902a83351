package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Retired;
import io.slipway.contract.DeploymentEvent.RetirementDue;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterSettings;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.RouterRequests;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Restart, scale, stop and start on a real engine behind real Caddy: requests sent all along (about 20 a second, on
 * loopback, with the app's host name) never fail across a restart and a scale up and down; a stopped app answers 503
 * with its page, and answers again once started.
 */
class ProcessControlIT {

    private static final int ROUTER_PORT = 18090;
    private static final String PROCFILE = "web: mkdir -p /www && echo release $SLIPWAY_DEPLOYMENT_ID > /www/index.html"
            + " && exec httpd -f -p $PORT -h /www\n";
    private static final ManifestFiles MANIFESTS = new ManifestFiles("{}", PROCFILE);

    private final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"podman", "docker"})
    void restartScaleStopAndStartThroughTheRouter(String engineName) throws Exception {
        TestEngine engine = TestEngines.named(engineName);
        RouterSettings routing = new RouterSettings(
                RouterSettings.CADDY,
                URI.create(TestEngines.endpoint("caddy.admin")),
                "localhost",
                "127.0.0.1:" + ROUTER_PORT);
        Router router = routing.connect();
        PipelineSettings settings = PipelineSettingsBuilder.forRealEngines().build();
        String app = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String host = routing.host(app);
        try (ContainerRuntime runtime = engine.connect();
                TestImages images = new TestImages(runtime)) {
            DeploymentPipeline pipeline = new DeploymentPipeline(
                    runtime,
                    new ManifestParser(),
                    settings,
                    Clock.systemUTC(),
                    new Traffic(router, new LoopbackProbe(runtime, settings.port())));
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "CMD [\"sleep\", \"300\"]"));
            try {
                DeploymentOrder first = order(DeploymentKind.IMAGE, app, image, Map.of());
                assertThat(run(pipeline, first)).isEqualTo(DeploymentStatus.SUCCEEDED);
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(RouterRequests.get(ROUTER_PORT, host))
                                .extracting(RouterRequests.Answer::status, RouterRequests.Answer::body)
                                .containsExactly(200, "release " + first.deploymentId()));

                DeploymentOrder restart = order(DeploymentKind.RESTART, app, image, Map.of());
                DeploymentOrder scaleUp = order(DeploymentKind.SCALE, app, image, Map.of("web", 3));
                DeploymentOrder scaleDown = order(DeploymentKind.SCALE, app, image, Map.of("web", 1));
                List<RouterRequests.Answer> answers;
                try (RouterRequests requests = RouterRequests.start(ROUTER_PORT, host)) {
                    assertThat(run(pipeline, restart)).isEqualTo(DeploymentStatus.SUCCEEDED);
                    assertThat(webContainers(runtime, app))
                            .singleElement()
                            .satisfies(web -> assertThat(web.labels())
                                    .containsEntry(ContainerLabels.DEPLOYMENT, restart.deploymentId()));
                    assertThat(run(pipeline, scaleUp)).isEqualTo(DeploymentStatus.SUCCEEDED);
                    assertThat(webContainers(runtime, app)).hasSize(3);
                    assertThat(router.upstreams(app)).hasSize(3);
                    assertThat(run(pipeline, scaleDown)).isEqualTo(DeploymentStatus.SUCCEEDED);
                    answers = requests.stop();
                }
                assertThat(webContainers(runtime, app)).hasSize(1);
                assertThat(router.upstreams(app)).hasSize(1);
                assertThat(answers).hasSizeGreaterThan(20);
                assertThat(answers)
                        .as("answers other than 200 among %d", answers.size())
                        .filteredOn(answer -> answer.status() != 200)
                        .isEmpty();
                assertThat(answers)
                        .extracting(RouterRequests.Answer::body)
                        .contains("release " + restart.deploymentId(), "release " + scaleUp.deploymentId());

                DeploymentOrder stop = order(DeploymentKind.STOP, app, image, Map.of());
                assertThat(run(pipeline, stop)).isEqualTo(DeploymentStatus.SUCCEEDED);
                assertThat(runtime.listContainers(ContainerLabels.processesOf(app)))
                        .isEmpty();
                RouterRequests.Answer stopped = RouterRequests.get(ROUTER_PORT, host);
                assertThat(stopped.status()).isEqualTo(503);
                assertThat(stopped.body()).contains(app + " is stopped");

                DeploymentOrder start = order(DeploymentKind.START, app, image, Map.of());
                assertThat(run(pipeline, start)).isEqualTo(DeploymentStatus.SUCCEEDED);
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(RouterRequests.get(ROUTER_PORT, host))
                                .extracting(RouterRequests.Answer::status, RouterRequests.Answer::body)
                                .containsExactly(200, "release " + start.deploymentId()));
            } finally {
                router.route(app, List.of());
                new AppRemoval(runtime, settings.stopGrace()).removeApp(app);
            }
        }
    }

    /** Runs {@code order} to its end, then waits for the retirement of what it replaced, if any. */
    private DeploymentStatus run(DeploymentPipeline pipeline, DeploymentOrder order) {
        DeploymentStatus status = pipeline.run(order, events::add, new Cancellation());
        String id = order.deploymentId();
        if (events.stream()
                .anyMatch(event ->
                        event instanceof RetirementDue && event.deploymentId().equals(id))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> events.stream()
                            .anyMatch(event -> event instanceof Retired
                                    && event.deploymentId().equals(id)));
        }
        if (status != DeploymentStatus.SUCCEEDED) {
            events.stream()
                    .filter(event -> event.deploymentId().equals(order.deploymentId()))
                    .forEach(System.out::println);
        }
        return status;
    }

    private static DeploymentOrder order(
            DeploymentKind kind, String app, String image, Map<String, Integer> formation) {
        return DeploymentOrder.builder(kind)
                .deploymentId(UUID.randomUUID().toString())
                .app(app)
                .image(image)
                .manifests(Optional.of(MANIFESTS))
                .formation(formation)
                .build();
    }

    private static List<ContainerInfo> webContainers(ContainerRuntime runtime, String app) {
        return runtime.listContainers(ContainerLabels.processesOf(app));
    }
}
