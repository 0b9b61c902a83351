package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slipway.contract.Channels;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.contract.WorkerApi;
import io.slipway.contract.WorkerStatus;
import io.slipway.gateway.config.DataDirectory;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway with engine workers over the real Kafka: what it sends to a pool, what it takes from workers (claims,
 * events, reports), the lease, the worker token, and its health. The tests play the workers.
 */
@QuarkusTest
@TestProfile(RemoteModeProfile.class)
class RemoteModeTests {

    private static final String POOL = "t-" + RemoteModeProfile.RUN;
    private static final String POOL_TOPIC = Channels.deployRequestsTopic(POOL);

    @Inject
    TestDeployments deployments;

    @Inject
    ObjectMapper json;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/deployments/")
    URL deploymentsUrl;

    @AfterAll
    static void removeTheRunsTopics() throws Exception {
        Broker.deleteTopics(List.of(POOL_TOPIC, RemoteModeProfile.EVENTS_TOPIC, RemoteModeProfile.STATUS_TOPIC));
    }

    private static String newAppInPool() {
        String name = "r-" + UUID.randomUUID().toString().substring(0, 8);
        json(Map.of("name", name, "pool", POOL))
                .post("/api/v1/apps")
                .then()
                .statusCode(201)
                .body("pool", equalTo(POOL));
        return name;
    }

    private static RequestSpecification worker() {
        return given().header("Authorization", "Bearer " + RemoteModeProfile.WORKER_TOKEN);
    }

    private static String claim(String deploymentId, String workerId) {
        return worker().contentType(ContentType.JSON)
                .body(new WorkerApi.ClaimRequest(workerId, POOL))
                .post(WorkerApi.claimPath(deploymentId))
                .then()
                .statusCode(200)
                .extract()
                .path("verdict");
    }

    private JsonNode value(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    @Test
    void aDeployGoesToItsPoolsTopicKeyedByAppAndThatTopicHasThePoolPartitions() throws Exception {
        String app = newAppInPool();

        String id = json(Map.of("image", TestEngines.baseImage()))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        ConsumerRecord<String, String> start =
                Broker.awaitRecord(POOL_TOPIC, record -> record.value().contains(id));
        assertThat(start.key()).isEqualTo(app);
        assertThat(value(start).path("type").asText()).isEqualTo("start");
        assertThat(value(start).path("order").path("app").asText()).isEqualTo(app);
        assertThat(Broker.partitions(POOL_TOPIC)).isEqualTo(Channels.POOL_PARTITIONS);
        api().get("/api/v1/apps/" + app).then().statusCode(200).body("pool", equalTo(POOL));
    }

    @Test
    void aPoolIsADnsLabelAndDefaultsToTheDefaultPool() {
        json(Map.of("name", "r-" + UUID.randomUUID().toString().substring(0, 8), "pool", "Not_A_Label"))
                .post("/api/v1/apps")
                .then()
                .statusCode(422)
                .contentType(Api.PROBLEM_JSON);
        String name = "r-" + UUID.randomUUID().toString().substring(0, 8);
        json(Map.of("name", name)).post("/api/v1/apps").then().statusCode(201).body("pool", equalTo("default"));
        api().get("/api/v1/apps")
                .then()
                .statusCode(200)
                .body("find { it.name == '" + name + "' }.pool", equalTo("default"));
    }

    @Test
    void anAppsDeploymentsAreGrantedOneAtATimeInRequestOrderAndEachOnce() {
        String app = newAppInPool();
        EngineEvents first = deployments.queuedWithEvents(app, TestEngines.baseImage());
        String second = deployments.queued(app, TestEngines.baseImage());

        assertThat(claim(second, "worker-b")).isEqualTo("WAIT");
        assertThat(claim(first.id(), "worker-a")).isEqualTo("GRANTED");
        assertThat(api().get("/api/v1/deployments/" + first.id())
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("worker"))
                .as("the deployment names the worker that runs it")
                .isEqualTo("worker-a");
        assertThat(api().get("/api/v1/deployments/" + second)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("worker"))
                .as("not claimed yet")
                .isNull();
        assertThat(claim(first.id(), "worker-b")).as("a redelivered start").isEqualTo("REFUSED");
        assertThat(claim(first.id(), "worker-a"))
                .as("the same worker, restarted")
                .isEqualTo("REFUSED");
        assertThat(claim(second, "worker-b")).isEqualTo("WAIT");

        first.started().finished(DeploymentStatus.FAILED, "failed on purpose", null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(claim(second, "worker-b")).isEqualTo("GRANTED"));
        assertThat(claim(first.id(), "worker-c")).as("an ended deployment").isEqualTo("REFUSED");
    }

    private static String markSetup(String deploymentId, String workerId) {
        return worker().contentType(ContentType.JSON)
                .body(new WorkerApi.ClaimRequest(workerId, POOL))
                .post(WorkerApi.setupPath(deploymentId))
                .then()
                .statusCode(200)
                .extract()
                .path("verdict");
    }

    @Test
    void theSetupTaskIsGrantedOnceToTheWorkerThatRunsTheAppsFirstDeploymentAndLaterOrdersSayItRan() throws Exception {
        String app = newAppInPool();
        EngineEvents first = deployments.queuedWithEvents(app, TestEngines.baseImage());
        String second = deployments.queued(app, TestEngines.baseImage());
        assertThat(claim(first.id(), "worker-a")).isEqualTo("GRANTED");

        assertThat(markSetup(first.id(), "worker-b"))
                .as("not the worker that runs it")
                .isEqualTo("REFUSED");
        assertThat(markSetup(first.id(), "worker-a")).isEqualTo("GRANTED");
        assertThat(markSetup(first.id(), "worker-a"))
                .as("asked again after a lost answer: the mark is its own")
                .isEqualTo("GRANTED");

        first.started().finished(DeploymentStatus.FAILED, "setup failed on purpose", null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(claim(second, "worker-b")).isEqualTo("GRANTED"));
        assertThat(markSetup(second, "worker-b"))
                .as("it ran for the app, and failed")
                .isEqualTo("REFUSED");
        assertThat(markSetup(first.id(), "worker-a")).as("an ended deployment").isEqualTo("REFUSED");

        String third = json(Map.of("image", TestEngines.baseImage()))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        ConsumerRecord<String, String> start =
                Broker.awaitRecord(POOL_TOPIC, record -> record.value().contains(third));
        assertThat(value(start).path("order").path("setupRan").asBoolean()).isTrue();
    }

    @Test
    void anUnknownDeploymentOrAnotherPoolsClaimIsRefused() {
        assertThat(claim(UUID.randomUUID().toString(), "worker-a")).isEqualTo("REFUSED");
        String app = newAppInPool();
        String id = deployments.queued(app, TestEngines.baseImage());
        String verdict = worker().contentType(ContentType.JSON)
                .body(new WorkerApi.ClaimRequest("worker-a", "another-pool"))
                .post(WorkerApi.claimPath(id))
                .then()
                .statusCode(200)
                .extract()
                .path("verdict");
        assertThat(verdict).isEqualTo("REFUSED");
        assertThat(claim(id, "worker-a")).isEqualTo("GRANTED");
    }

    @Test
    void aSilentWorkersDeploymentFailsWorkerLostAndItsPoolIsAskedToCleanUp() {
        String app = newAppInPool();
        EngineEvents deployment = deployments.queuedWithEvents(app, TestEngines.baseImage());
        assertThat(claim(deployment.id(), "worker-lost")).isEqualTo("GRANTED");
        deployment.started();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api().get("/api/v1/deployments/" + deployment.id())
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("reason", equalTo("worker lost")));

        ConsumerRecord<String, String> cleanUp = Broker.awaitRecord(
                POOL_TOPIC,
                record -> record.value().contains(deployment.id())
                        && record.value().contains("clean-up"));
        assertThat(cleanUp.key()).isEqualTo(app);
        assertThat(value(cleanUp).path("deploymentId").asText()).isEqualTo(deployment.id());
        // What the lost worker still sends changes nothing.
        deployment.finished(DeploymentStatus.SUCCEEDED, null, "slipway/" + app + ":late");
        api().get("/api/v1/apps/" + app).then().body("currentRelease", equalTo(null));
    }

    @Test
    void aWorkerThatReportsKeepsItsDeploymentAndItsPoolsProcessesAreShownFromItsReports() {
        String app = newAppInPool();
        EngineEvents deployment = deployments.queuedWithEvents(app, TestEngines.baseImage());
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(claim(deployment.id(), workerId)).isEqualTo("GRANTED");
        WorkerStatus.ProcessContainer web = new WorkerStatus.ProcessContainer(
                app,
                "web",
                "c0ffee" + RemoteModeProfile.RUN,
                app + "-web-1",
                "RUNNING",
                "127.0.0.1:49153",
                deployment.id());

        for (int report = 0; report < 4; report++) {
            Broker.send(
                    json,
                    RemoteModeProfile.STATUS_TOPIC,
                    workerId,
                    new WorkerStatus(
                            workerId,
                            POOL,
                            "podman 4.3.1",
                            Instant.now(),
                            List.of(deployment.id()),
                            List.of(web),
                            null,
                            true));
            await().pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> true);
        }

        api().get("/api/v1/deployments/" + deployment.id()).then().body("status", equalTo("QUEUED"));
        api().get("/api/v1/apps/" + app)
                .then()
                .statusCode(200)
                .body("processes.containerId", hasItem(web.containerId()))
                .body("processes[0].state", equalTo("RUNNING"))
                .body("processes[0].type", equalTo("web"))
                .body("processes[0].address", equalTo("127.0.0.1:49153"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'workers' }.data." + workerId,
                        org.hamcrest.Matchers.containsString("pool=" + POOL));
    }

    @Test
    void aWorkerThatRestartedUnderItsIdAndReportsWithoutItsDeploymentLosesIt() {
        String app = newAppInPool();
        EngineEvents deployment = deployments.queuedWithEvents(app, TestEngines.baseImage());
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(claim(deployment.id(), workerId)).isEqualTo("GRANTED");
        deployment.started();
        // Alive and holding it, for longer than a report's margin after the claim.
        for (int report = 0; report < 7; report++) {
            report(workerId, List.of(deployment.id()));
            await().pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> true);
        }
        api().get("/api/v1/deployments/" + deployment.id()).then().body("status", equalTo("RUNNING"));

        report(workerId, List.of());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api().get("/api/v1/deployments/" + deployment.id())
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("reason", equalTo("worker lost")));
    }

    @Test
    void aPoolWhoseEngineCannotListShowsItsLastProcessesAsUnknownAndWhyUntilItListsAgain() {
        String pool = "u-" + RemoteModeProfile.RUN;
        String app = "r-" + UUID.randomUUID().toString().substring(0, 8);
        json(Map.of("name", app, "pool", pool)).post("/api/v1/apps").then().statusCode(201);
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        WorkerStatus.ProcessContainer web = new WorkerStatus.ProcessContainer(
                app, "web", "c0ffee-u" + RemoteModeProfile.RUN, app + "-web-1", "RUNNING", "127.0.0.1:49154", "d1");
        Broker.send(
                json,
                RemoteModeProfile.STATUS_TOPIC,
                workerId,
                new WorkerStatus(workerId, pool, "podman 4.3.1", Instant.now(), List.of(), List.of(web), null, true));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api().get("/api/v1/apps/" + app)
                        .then()
                        .body("processes[0].state", equalTo("RUNNING"))
                        .body("engineError", equalTo(null)));

        Broker.send(
                json,
                RemoteModeProfile.STATUS_TOPIC,
                workerId,
                new WorkerStatus(
                        workerId,
                        pool,
                        "podman 4.3.1",
                        Instant.now(),
                        List.of(),
                        List.of(),
                        "cannot list containers: the engine does not answer",
                        true));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api().get("/api/v1/apps/" + app)
                        .then()
                        .body("processes.containerId", equalTo(List.of(web.containerId())))
                        .body("processes[0].state", equalTo("UNKNOWN"))
                        .body("engineError", equalTo("cannot list containers: the engine does not answer")));

        Broker.send(
                json,
                RemoteModeProfile.STATUS_TOPIC,
                workerId,
                new WorkerStatus(workerId, pool, "podman 4.3.1", Instant.now(), List.of(), List.of(web), null, true));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api().get("/api/v1/apps/" + app)
                        .then()
                        .body("processes[0].state", equalTo("RUNNING"))
                        .body("engineError", equalTo(null)));
    }

    private void report(String workerId, List<String> running) {
        Broker.send(
                json,
                RemoteModeProfile.STATUS_TOPIC,
                workerId,
                new WorkerStatus(workerId, POOL, "podman 4.3.1", Instant.now(), running, List.of(), null, true));
    }

    @Test
    void eventsFromTheBrokerAreStored() {
        String app = newAppInPool();
        String id = deployments.queued(app, TestEngines.baseImage());
        Broker.send(json, RemoteModeProfile.EVENTS_TOPIC, id, new DeploymentEvent.Started(id, app, 1, Instant.now()));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> api().get("/api/v1/deployments/" + id).then().body("status", equalTo("RUNNING")));
    }

    @Test
    void aLogStreamResumesFromTheDatabaseWhicheverReplicaStoredTheEvents() throws Exception {
        String app = newAppInPool();
        String id = deployments.queued(app, TestEngines.baseImage());
        sendEvent(new DeploymentEvent.Started(id, app, 1, Instant.now()));
        sendEvent(log(id, app, 2, "one"));
        sendEvent(log(id, app, 3, "two"));

        SseReader resumed = SseReader.resume(deploymentsUrl.toURI().resolve(id + "/logs"), "2");
        await().atMost(Duration.ofSeconds(20)).until(() -> resumed.events().size() == 1);
        assertThat(resumed.ended()).isFalse();
        sendEvent(log(id, app, 4, "three"));
        sendEvent(new DeploymentEvent.Finished(id, app, 5, Instant.now(), DeploymentStatus.FAILED, "on purpose", null));

        assertThat(resumed.awaitEnd(Duration.ofSeconds(20))).isEqualTo(200);
        assertThat(resumed.events()).extracting(SseReader.Event::id).containsExactly("3", "4");
        assertThat(json.readTree(resumed.events().get(1).data()).path("line").asText())
                .isEqualTo("three");
    }

    private void sendEvent(DeploymentEvent event) {
        Broker.send(json, RemoteModeProfile.EVENTS_TOPIC, event.deploymentId(), event);
    }

    private static DeploymentEvent.Log log(String id, String app, long seq, String line) {
        return new DeploymentEvent.Log(id, app, seq, Instant.now(), PhaseName.PREDEPLOY, LogStream.STDOUT, line);
    }

    @Test
    void aDeploymentNoWorkerClaimedIsCancelledAtOnceAndThenRefusedToWorkers() {
        String app = newAppInPool();
        String id = deployments.queued(app, TestEngines.baseImage());

        api().post("/api/v1/deployments/" + id + "/cancel")
                .then()
                .statusCode(202)
                .body("status", equalTo("CANCELLED"))
                .body("reason", equalTo("cancelled before a worker claimed it"));

        assertThat(claim(id, "worker-late")).isEqualTo("REFUSED");
        ConsumerRecord<String, String> cancel = Broker.awaitRecord(
                POOL_TOPIC,
                record -> record.value().contains(id) && record.value().contains("cancel"));
        assertThat(cancel.key()).isEqualTo(app);
    }

    @Test
    void aClaimedDeploymentIsItsWorkersToCancel() {
        String app = newAppInPool();
        EngineEvents deployment = deployments.queuedWithEvents(app, TestEngines.baseImage());
        assertThat(claim(deployment.id(), "worker-busy")).isEqualTo("GRANTED");
        deployment.started();

        api().post("/api/v1/deployments/" + deployment.id() + "/cancel")
                .then()
                .statusCode(202)
                .body("status", equalTo("RUNNING"));
        ConsumerRecord<String, String> cancel = Broker.awaitRecord(
                POOL_TOPIC,
                record -> record.value().contains(deployment.id())
                        && record.value().contains("cancel"));
        assertThat(value(cancel).path("type").asText()).isEqualTo("cancel");
    }

    @Test
    void healthChecksTheBrokerAndNoEngine() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'broker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'workers' }.status", equalTo("UP"));
    }

    @Test
    void theWorkerTokenOpensOnlyTheWorkerEndpointsAndTheApiTokenNotThem() {
        String app = newAppInPool();
        String id = deployments.queued(app, TestEngines.baseImage());

        worker().get("/api/v1/apps").then().statusCode(403).contentType(Api.PROBLEM_JSON);
        worker().get("/api/v1/apps/" + app).then().statusCode(403);
        for (String path : List.of(
                WorkerApi.claimPath(id),
                "/api/v1/worker/deployments/" + id + "/claim/",
                "/%61pi/v1/worker/deployments/" + id + "/claim",
                "/api/v1/%77orker/deployments/" + id + "/claim",
                "/api/v1/worker/deployments/" + id + "%2Fclaim",
                "/api/v1/worker/deployments/" + id + ";x=1/claim",
                "/x/../api/v1/worker/deployments/" + id + "/claim",
                "/API/v1/worker/deployments/" + id + "/claim")) {
            int withApiToken = json(new WorkerApi.ClaimRequest("api-holder", POOL))
                    .urlEncodingEnabled(false)
                    .post(path)
                    .statusCode();
            assertThat(withApiToken).as("the API token on %s", path).isIn(403, 404, 405);
            int without = given().contentType(ContentType.JSON)
                    .body(new WorkerApi.ClaimRequest("anonymous", POOL))
                    .urlEncodingEnabled(false)
                    .post(path)
                    .statusCode();
            assertThat(without).as("no token on %s", path).isIn(401, 404, 405);
        }
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer not-the-worker-token")
                .body(new WorkerApi.ClaimRequest("guess", POOL))
                .post(WorkerApi.claimPath(id))
                .then()
                .statusCode(401);
        assertThat(claim(id, "the-worker")).as("no call above claimed it").isEqualTo("GRANTED");
    }

    @Test
    void aWorkerDownloadsTheBuildContextItsOrderNamesAndNoOneElse() {
        String app = newAppInPool();
        byte[] tar = BuildContext.fromBaseImage("RUN touch /built").toTar();
        String id = uploadContext(app, tar);

        ConsumerRecord<String, String> start =
                Broker.awaitRecord(POOL_TOPIC, record -> record.value().contains(id));
        String contextPath = value(start).path("order").path("buildContext").asText();
        assertThat(contextPath).isEqualTo(WorkerApi.buildContextPath(id));
        byte[] downloaded =
                worker().get(contextPath).then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(tar);
        api().get(contextPath).then().statusCode(403);
        given().get(contextPath).then().statusCode(401);
    }

    /**
     * Several chunks' worth, so that their order counts; no file of it is left on this replica, so what is served
     * can only come from the database that every replica shares.
     */
    @Test
    void aBuildContextIsServedFromTheDatabaseWholeUntilItsDeploymentEnds() throws Exception {
        String app = newAppInPool();
        byte[] blob = new byte[5 * 512 * 1024 + 17];
        new Random(9).nextBytes(blob);
        byte[] tar = BuildContext.fromBaseImage("COPY blob /blob")
                .executable("blob", blob)
                .toTar();
        String id = uploadContext(app, tar);

        assertThat(filesOfContextsDirectory()).noneMatch(name -> name.contains(id));
        byte[] downloaded = worker().get(WorkerApi.buildContextPath(id))
                .then()
                .statusCode(200)
                .contentType("application/octet-stream")
                .header("Content-Length", String.valueOf(tar.length))
                .extract()
                .asByteArray();
        assertThat(downloaded).isEqualTo(tar);

        sendEvent(new DeploymentEvent.Started(id, app, 1, Instant.now()));
        sendEvent(new DeploymentEvent.Finished(id, app, 2, Instant.now(), DeploymentStatus.FAILED, "on purpose", null));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        worker().get(WorkerApi.buildContextPath(id)).then().statusCode(404));
        assertThat(contextRows(id)).isZero();
    }

    @Test
    void aDeletedAppsBuildContextsAreGone() {
        String app = newAppInPool();
        String id = uploadContext(app, BuildContext.fromBaseImage("RUN true").toTar());
        assertThat(contextRows(id)).isPositive();

        api().delete("/api/v1/apps/" + app).then().statusCode(204);

        assertThat(contextRows(id)).isZero();
        worker().get(WorkerApi.buildContextPath(id)).then().statusCode(404);
    }

    private static String uploadContext(String app, byte[] tar) {
        return api().contentType("application/x-tar")
                .body(tar)
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private List<String> filesOfContextsDirectory() throws IOException {
        Path directory = dataDirectory.resolve("contexts");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private long contextRows(String deploymentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from build_context_chunk where deployment_id = ?")) {
            query.setString(1, deploymentId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDryRunNeedsAnEngineThisGatewayDoesNotRun() {
        String app = newAppInPool();
        json(Map.of("image", TestEngines.baseImage(), "dryRun", true))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(501)
                .contentType(Api.PROBLEM_JSON)
                .body("detail", org.hamcrest.Matchers.containsString("SLIPWAY_ENGINE=remote"));
    }
}
