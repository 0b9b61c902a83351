package io.slipway.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A user's whole journey through the packaged gateway on the real Docker engine: create an app,
 * deploy a build context and an image, watch the tasks' output live, fix config and retry, roll
 * back, and find everything again after a restart and after a crash.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT {

    private static final String APP_JSON = "{\"scripts\": {\"dokku\": {"
            + "\"predeploy\": \"echo predeploy-ran && touch /app/predeployed\","
            + " \"postdeploy\": \"echo postdeploy-ran && test -n \\\"$GREETING\\\"\"}}}";
    private static final String PROCFILE =
            "release: echo release-ran\nweb: test -f /app/predeployed && exec httpd -f -p $PORT -h /app\n";

    private static TestEngine engine;
    private static GatewayProcess gateway;
    private static final String APP = "e2e-" + UUID.randomUUID().toString().substring(0, 6);
    private static String firstSuccess;
    private static String secondSuccess;

    @BeforeAll
    static void startGateway() throws Exception {
        engine = TestEngines.named("docker");
        gateway = new GatewayProcess(engine);
        gateway.start();
        RestAssured.baseURI = gateway.uri().toString();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            api().delete("/api/v1/apps/" + APP);
            gateway.stop();
        }
    }

    @Test
    @Order(1)
    void aBuildContextDeploymentFailsInPostdeployUntilItsConfigIsSetThenARetrySucceeds() throws Exception {
        api().body(Map.of("name", APP))
                .post("/api/v1/apps")
                .then()
                .statusCode(201)
                .body("name", equalTo(APP));

        String failed = deployContext();
        JsonPath failedDeployment = awaitEnd(failed);
        assertThat(failedDeployment.getString("status")).isEqualTo("FAILED");
        assertThat(failedDeployment.getString("reason")).startsWith("postdeploy:");

        api().body(Map.of("GREETING", "hello"))
                .patch("/api/v1/apps/" + APP + "/config")
                .then()
                .statusCode(200);
        String retry = api().post("/api/v1/deployments/" + failed + "/retry")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath retried = awaitEnd(retry);

        assertThat(retried.getString("status")).as(retried.getString("reason")).isEqualTo("SUCCEEDED");
        assertThat(retried.getString("image")).isEqualTo(failedDeployment.getString("image"));
        assertThat(phaseStatus(retried, "BUILD")).as("a retry does not rebuild").isEqualTo("SKIPPED");
        firstSuccess = retry;
    }

    @Test
    @Order(2)
    void theLogStreamShowsTheTasksOutputInPhaseOrderAndResumesAfterLastEventId() throws Exception {
        String deployment = deployContext();

        List<LogFollower.Line> lines = LogFollower.follow(logs(deployment), GatewayProcess.TOKEN, Optional.empty());

        List<String> taskOutput = lines.stream()
                .map(LogFollower.Line::line)
                .filter(line -> line.endsWith("-ran"))
                .toList();
        assertThat(taskOutput).containsExactly("predeploy-ran", "release-ran", "postdeploy-ran");
        assertThat(lines).extracting(LogFollower.Line::seq).isSorted().doesNotHaveDuplicates();
        assertThat(awaitEnd(deployment).getString("status")).isEqualTo("SUCCEEDED");

        LogFollower.Line middle = lines.get(lines.size() / 2);
        List<LogFollower.Line> resumed =
                LogFollower.follow(logs(deployment), GatewayProcess.TOKEN, Optional.of(middle.id()));
        assertThat(resumed).isEqualTo(lines.subList(lines.size() / 2 + 1, lines.size()));
        secondSuccess = deployment;
    }

    @Test
    @Order(3)
    void theAppShowsItsCurrentReleaseAndItsRunningProcess() throws Exception {
        // The deployment ended once its release served; the previous release goes after the wait-to-retire time.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> deployment(secondSuccess).getString("retiredAt") != null);
        JsonPath app = api().get("/api/v1/apps/" + APP)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(app.getString("currentRelease.deploymentId")).isEqualTo(secondSuccess);
        assertThat(app.getList("processes.type")).containsExactly("web");
        assertThat(app.getList("processes.state", String.class)).containsExactly("RUNNING");
        assertThat(app.getString("processes[0].address")).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(app.getString("url")).isEqualTo("http://" + APP + ".localhost:" + GatewayProcess.ROUTER_PORT);
        assertThat(throughTheRouter("/Procfile")).contains("release: echo release-ran");
    }

    @Test
    @Order(4)
    void anImageDeploymentRunsABuiltImageAsIs() {
        String builtImage = api().get("/api/v1/deployments/" + secondSuccess)
                .then()
                .extract()
                .path("image");
        String deployment = api().body(Map.of("image", builtImage))
                .post("/api/v1/apps/" + APP + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        JsonPath result = awaitEnd(deployment);

        assertThat(result.getString("status")).as(result.getString("reason")).isEqualTo("SUCCEEDED");
        assertThat(phaseStatus(result, "BUILD")).isEqualTo("SKIPPED");
        assertThat(phaseStatus(result, "PREDEPLOY")).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(5)
    void aRollbackRunsAnEarlierReleaseImageAgainWithoutPredeploy() {
        String releaseImage = api().get("/api/v1/deployments/" + firstSuccess)
                .then()
                .extract()
                .path("releaseImage");

        String rollback = api().body(Map.of("release", firstSuccess))
                .post("/api/v1/apps/" + APP + "/rollback")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath result = awaitEnd(rollback);

        assertThat(result.getString("status")).as(result.getString("reason")).isEqualTo("SUCCEEDED");
        assertThat(result.getString("releaseImage")).isEqualTo(releaseImage);
        assertThat(phaseStatus(result, "PREDEPLOY")).isEqualTo("SKIPPED");
        assertThat(phaseStatus(result, "RELEASE")).isEqualTo("SUCCEEDED");
        assertThat(api().get("/api/v1/apps/" + APP).then().extract().<String>path("currentRelease.deploymentId"))
                .isEqualTo(rollback);
    }

    @Test
    @Order(6)
    void aRestartLosesNothing() throws Exception {
        // The current release's deployment retires the release it replaced after the wait-to-retire time, a change
        // of its own (its retiredAt): wait for it, so that the lists compared differ by nothing but the restart.
        String current = api().get("/api/v1/apps/" + APP).then().extract().path("currentRelease.deploymentId");
        await().atMost(Duration.ofMinutes(1)).until(() -> deployment(current).getString("retiredAt") != null);
        List<Object> before = api().get("/api/v1/apps/" + APP + "/deployments")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        List<LogFollower.Line> logsBefore =
                LogFollower.follow(logs(secondSuccess), GatewayProcess.TOKEN, Optional.empty());

        gateway.stop();
        gateway.start();

        assertThat(api().get("/api/v1/apps/" + APP + "/deployments")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList(""))
                .isEqualTo(before);
        assertThat(LogFollower.follow(logs(secondSuccess), GatewayProcess.TOKEN, Optional.empty()))
                .isEqualTo(logsBefore);
        assertThat(throughTheRouter("/Procfile")).as("routes applied at start").contains("release-ran");

        // A restarted Caddy starts empty: the gateway notices and gives it every route again.
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestEngines.endpoint("caddy.admin") + "/load"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"admin\": {\"listen\": \"127.0.0.1:2019\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(throughTheRouter("/Procfile")).contains("release-ran"));
    }

    /**
     * A request to the router on loopback with the app's host name, on a connection of its own; the body,
     * when it answers 200. (java.net.http will not send another host name than the address's.)
     */
    private static String throughTheRouter(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", GatewayProcess.ROUTER_PORT)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + APP + ".localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).as(response).startsWith("HTTP/1.1 200");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    @Order(7)
    void aDeploymentRunningWhenTheGatewayCrashesIsMarkedInterruptedAndTheRunningReleaseStaysUp() throws Exception {
        String runningRelease =
                api().get("/api/v1/apps/" + APP).then().extract().path("currentRelease.deploymentId");
        String slow = deployContext(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                .file("app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"sleep 20\"}}}")
                .file("Procfile", PROCFILE));
        await().atMost(Duration.ofMinutes(1)).until(() -> "RUNNING".equals(phaseStatus(deployment(slow), "PREDEPLOY")));

        gateway.kill();
        gateway.start();

        // Recovery runs after the gateway is healthy, so the verdict arrives shortly after the start.
        JsonPath interrupted = awaitEnd(slow);
        assertThat(interrupted.getString("status")).isEqualTo("FAILED");
        assertThat(interrupted.getString("reason")).isEqualTo("interrupted");
        JsonPath app = api().get("/api/v1/apps/" + APP).then().extract().jsonPath();
        assertThat(app.getString("currentRelease.deploymentId")).isEqualTo(runningRelease);
        assertThat(app.getList("processes.state", String.class)).containsExactly("RUNNING");
    }

    @Test
    @Order(8)
    void whatTheGatewayAcknowledgedJustBeforeItWasKilledIsStillThere() throws Exception {
        String app = APP + "-k";
        api().body(Map.of("name", app)).post("/api/v1/apps").then().statusCode(201);
        api().body(Map.of("GREETING", "kept"))
                .patch("/api/v1/apps/" + app + "/config")
                .then()
                .statusCode(200);

        gateway.kill();
        gateway.start();

        try {
            assertThat(api().get("/api/v1/apps/" + app + "/config")
                            .then()
                            .statusCode(200)
                            .extract()
                            .<String>path("GREETING"))
                    .isEqualTo("kept");
        } finally {
            api().delete("/api/v1/apps/" + app);
        }
    }

    @Test
    @Order(9)
    void aRunRunningWhenTheGatewayCrashesEndsInterruptedAndItsContainerIsGone() throws Exception {
        String run = api().body(Map.of("command", "echo started; sleep 300"))
                .post("/api/v1/apps/" + APP + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofMinutes(1))
                .until(() -> "RUNNING".equals(api().get("/api/v1/runs/" + run).path("status")));

        gateway.kill();
        gateway.start();

        JsonPath ended = api().get("/api/v1/runs/" + run)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ended.getString("status")).isEqualTo("FAILED");
        assertThat(ended.getString("reason")).isEqualTo("interrupted");
        try (var runtime = engine.connect()) {
            assertThat(runtime.listContainers(Map.of("io.slipway.run", run))).isEmpty();
        }
    }

    private static String deployContext() {
        return deployContext(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                .file("app.json", APP_JSON)
                .file("Procfile", PROCFILE));
    }

    private static String deployContext(BuildContext context) {
        return api().contentType("application/x-tar")
                .body(context.toTar())
                .post("/api/v1/apps/" + APP + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static JsonPath awaitEnd(String deployment) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                        .contains(deployment(deployment).getString("status")));
        return deployment(deployment);
    }

    private static JsonPath deployment(String id) {
        return api().get("/api/v1/deployments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String phaseStatus(JsonPath deployment, String phase) {
        return deployment.getString("phases.find { it.phase == '" + phase + "' }.status");
    }

    private static java.net.URI logs(String deployment) {
        return gateway.uri().resolve("/api/v1/deployments/" + deployment + "/logs");
    }

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + GatewayProcess.TOKEN).contentType(ContentType.JSON);
    }
}
