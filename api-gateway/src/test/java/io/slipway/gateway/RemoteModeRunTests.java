package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.slipway.contract.Channels;
import io.slipway.contract.ConsoleChannels;
import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.RunOrder;
import io.slipway.contract.RunStatus;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.engine.pipeline.OneOffRun;
import io.slipway.engine.pipeline.PipelineSettings;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.RunRepository;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A one-off run in remote mode over the real Kafka: the gateway sends it to the app's pool's topic, keyed by app;
 * the test plays the pool's worker with the engine's own {@link OneOffRun} on the real rootful Podman, its events
 * sent to the run-events topic as a worker sends them; the gateway stores them and serves the run and its output.
 * An interactive run's console is relayed over the broker: the test plays the worker that holds it.
 */
@QuarkusTest
@TestProfile(RemoteModeProfile.class)
class RemoteModeRunTests {

    private static final String POOL = "tr-" + RemoteModeProfile.RUN;
    private static final String POOL_TOPIC = Channels.deployRequestsTopic(POOL);
    private static final String CONSOLE_TOPIC = ConsoleChannels.requestsTopic(POOL);

    @Inject
    ObjectMapper json;

    @Inject
    AppRepository apps;

    @Inject
    DeploymentRepository deployments;

    @Inject
    RunRepository runs;

    @TestHTTPResource("/api/v1/runs/")
    URL runsUrl;

    @AfterAll
    static void removeTheTopics() throws Exception {
        Broker.deleteTopics(List.of(POOL_TOPIC, CONSOLE_TOPIC, RemoteModeProfile.RUN_EVENTS_TOPIC));
    }

    @Test
    void aRunGoesToItsPoolAndItsWorkersEventsEndItWithItsOutputStored() throws Exception {
        String app = appWithRelease("web: sleep 60\ngreet: echo greeted $WHO\n");

        String id = json(Map.of("command", "greet", "env", Map.of("WHO", "the-operator")))
                .post("/api/v1/apps/" + app + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        ConsumerRecord<String, String> record =
                Broker.awaitRecord(POOL_TOPIC, sent -> sent.value().contains(id));
        assertThat(record.key()).isEqualTo(app);
        JsonNode command = json.readTree(record.value());
        assertThat(command.get("type").asText()).isEqualTo("start-run");
        RunOrder order = json.treeToValue(command.get("order"), RunOrder.class);
        try (ContainerRuntime runtime = TestEngines.named("podman").connect()) {
            new OneOffRun(runtime, new ManifestParser(), settings(), Clock.systemUTC())
                    .run(
                            order,
                            new Cancellation(),
                            event -> Broker.send(json, RemoteModeProfile.RUN_EVENTS_TOPIC, event.runId(), event));
            assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SUCCEEDED".equals(api().get("/api/v1/runs/" + id).path("status")));
        api().get("/api/v1/runs/" + id).then().body("exitCode", equalTo(0));
        SseReader logs = SseReader.open(runsUrl.toURI().resolve(id + "/logs"));
        assertThat(logs.awaitEnd(Duration.ofSeconds(30))).isEqualTo(200);
        assertThat(logs.lines()).hasSize(1);
        assertThat(json.readTree(logs.lines().get(0).data()).get("line").asText())
                .isEqualTo("greeted the-operator");
    }

    @Test
    void anInteractiveRunGoesToItsPoolAndItsConsoleIsRelayedToTheWorkerThatHoldsIt() throws Exception {
        String id = interactiveRun();
        JsonNode command = json.readTree(
                Broker.awaitRecord(POOL_TOPIC, sent -> sent.value().contains(id))
                        .value());
        assertThat(json.treeToValue(command.get("order"), RunOrder.class).interactive())
                .isTrue();

        ConsoleClient console = ConsoleClient.open(
                runsUrl.toURI(), id, handshake -> handshake.header("Authorization", "Bearer " + Api.token()));
        // The test is the worker that took the run: it answers the attach, prints, reads what is typed, ends it.
        ConsoleRequest.Attach attach = json.readValue(
                Broker.awaitRecord(
                                CONSOLE_TOPIC,
                                sent -> sent.key().equals(id) && sent.value().contains("\"attach\""))
                        .value(),
                ConsoleRequest.Attach.class);
        String session = attach.sessionId();
        Broker.send(json, ConsoleChannels.EVENTS_TOPIC, id, new ConsoleEvent.Opened(id, session));
        Broker.send(
                json, ConsoleChannels.EVENTS_TOPIC, id, new ConsoleEvent.Print(id, "another-session", 1, bytes("x")));
        Broker.send(json, ConsoleChannels.EVENTS_TOPIC, id, new ConsoleEvent.Print(id, session, 1, bytes("$ ")));
        await().atMost(Duration.ofSeconds(20)).until(() -> console.screen().equals("$ "));

        console.type("echo hi\n");
        ConsoleRequest.Type typed = json.readValue(
                Broker.awaitRecord(
                                CONSOLE_TOPIC,
                                sent -> sent.key().equals(id) && sent.value().contains("\"type\":\"type\""))
                        .value(),
                ConsoleRequest.Type.class);
        assertThat(typed.sessionId()).isEqualTo(session);
        assertThat(typed.frame()).isEqualTo(1);
        assertThat(new String(typed.input(), StandardCharsets.UTF_8)).isEqualTo("echo hi\n");

        Broker.send(json, ConsoleChannels.EVENTS_TOPIC, id, new ConsoleEvent.Print(id, session, 2, bytes("hi\n")));
        Broker.send(json, ConsoleChannels.EVENTS_TOPIC, id, new ConsoleEvent.Ended(id, session, RunStatus.FAILED, 3));
        assertThat(console.awaitClose(Duration.ofSeconds(20))).isEqualTo(1000);
        assertThat(console.screen()).isEqualTo("$ hi\n");
        assertThat(console.texts()).containsExactly("{\"ended\":{\"status\":\"FAILED\",\"exitCode\":3}}");
    }

    @Test
    void aConsoleNoWorkerHoldsIsClosedWith4404() throws Exception {
        String id = interactiveRun();

        ConsoleClient console = ConsoleClient.open(
                runsUrl.toURI(), id, handshake -> handshake.header("Authorization", "Bearer " + Api.token()));
        assertThat(console.awaitClose(Duration.ofSeconds(30))).isEqualTo(4404);
        assertThat(Broker.awaitRecord(
                                CONSOLE_TOPIC,
                                sent -> sent.key().equals(id) && sent.value().contains("\"detach\""))
                        .value())
                .as("a console opened too late is detached at once")
                .contains(id);
    }

    @Test
    void aConsoleOfAnEndedRunIsClosedWith4404AndAsksNoWorker() throws Exception {
        String id = interactiveRun();
        QuarkusTransaction.requiringNew()
                .run(() -> runs.findById(id).finish(RunStatus.FAILED, 137, "killed", Instant.now()));

        ConsoleClient console = ConsoleClient.open(
                runsUrl.toURI(), id, handshake -> handshake.header("Authorization", "Bearer " + Api.token()));
        assertThat(console.awaitClose(Duration.ofSeconds(30))).isEqualTo(4404);
        // Records of one key keep their order: the first of the run's is the test's own mark if none was sent before.
        Broker.send(json, CONSOLE_TOPIC, id, Map.of("mark", "after the close"));
        assertThat(Broker.awaitRecord(CONSOLE_TOPIC, sent -> sent.key().equals(id))
                        .value())
                .as("the first console request of the ended run")
                .contains("after the close");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An interactive {@code sh} of a new app with a release, accepted: its id. */
    private String interactiveRun() {
        String app = appWithRelease("web: sleep 60\n");
        return json(Map.of("command", "sh", "interactive", true))
                .post("/api/v1/apps/" + app + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** An app in the test's pool whose current release is the base image with this Procfile. */
    private String appWithRelease(String procfile) {
        String app = "rr-" + UUID.randomUUID().toString().substring(0, 8);
        json(Map.of("name", app, "pool", POOL)).post("/api/v1/apps").then().statusCode(201);
        String image = TestEngines.baseImage();
        QuarkusTransaction.requiringNew().run(() -> {
            Deployment release = new Deployment(
                    UUID.randomUUID().toString(),
                    app,
                    DeploymentKind.IMAGE,
                    image,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Instant.now());
            deployments.persist(release);
            release.start(Instant.now());
            release.resolveManifests(image, new ManifestFiles("{}", procfile));
            release.finish(DeploymentStatus.SUCCEEDED, null, image, Instant.now());
            apps.findById(app).release(release);
        });
        return app;
    }

    private static PipelineSettings settings() {
        return new PipelineSettings(
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ZERO,
                5000,
                List.of("/bin/sh", "-c"),
                1000,
                Optional.of(TestEngines.NETWORK));
    }
}
