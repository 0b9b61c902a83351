package io.slipway.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Distributed mode as an operator runs it: two gateway replicas of the PostgreSQL build in remote mode on one
 * database and broker, two workers in a pool on rootful Podman and one in a pool on Docker, each a packaged
 * process. Then a worker is killed mid-task and the broker restarted mid-deploy, and every guarantee of
 * distributed mode is checked from what the API stored and what the engines run; a token revoked through one
 * replica is refused by the other on its next request, and an every-minute cron entry, ticked by both replicas,
 * ran once a minute.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String WORKER_TOKEN = "workers-" + RUN;
    private static final String SCHEMA = "distributed_" + RUN;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String PODMAN_POOL = "podman-" + RUN;
    private static final String DOCKER_POOL = "docker-" + RUN;
    private static final String ON_PODMAN = "shop-" + RUN;
    private static final String ON_DOCKER = "blog-" + RUN;
    private static final String PROCFILE = "web: exec httpd -f -p $PORT -h /app\n";
    /** Every release of the Podman pool's app has it: both replicas tick through the whole scenario, minutes long. */
    private static final String CRON = ", \"cron\": [{\"command\": \"echo cron-fired\", \"schedule\": \"* * * * *\"}]";

    private static final List<WorkerProcess> workers = new ArrayList<>();
    private static final List<AutoCloseable> closing = new ArrayList<>();
    private static GatewayProcess first;
    private static GatewayProcess second;
    private static GatewayApi one;
    private static GatewayApi other;
    private static ContainerRuntime podman;
    private static ContainerRuntime docker;
    private static Map<String, String> podmanImages;
    private static Map<String, String> dockerImages;
    private static WorkerProcess podmanWorkerA;
    private static WorkerProcess podmanWorkerB;

    @BeforeAll
    static void startServices() throws Exception {
        TestEngine podmanEngine = TestEngines.named("podman");
        TestEngine dockerEngine = TestEngines.named("docker");
        podman = podmanEngine.connect();
        docker = dockerEngine.connect();
        podmanImages = images(podman, CRON);
        dockerImages = images(docker, "");

        first = gateway();
        second = gateway();
        first.start();
        second.start();
        one = new GatewayApi(first);
        other = new GatewayApi(second);

        podmanWorkerA =
                new WorkerProcess("podman-a-" + RUN, PODMAN_POOL, podmanEngine, first.uri(), WORKER_TOKEN, LEASE);
        podmanWorkerB =
                new WorkerProcess("podman-b-" + RUN, PODMAN_POOL, podmanEngine, first.uri(), WORKER_TOKEN, LEASE);
        WorkerProcess dockerWorker =
                new WorkerProcess("docker-" + RUN, DOCKER_POOL, dockerEngine, second.uri(), WORKER_TOKEN, LEASE);
        workers.addAll(List.of(podmanWorkerA, podmanWorkerB, dockerWorker));
        for (WorkerProcess worker : workers) {
            worker.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                one.request().get("/q/health").then().extract().asString())
                        .contains(podmanWorkerA.id(), podmanWorkerB.id(), dockerWorker.id()));

        one.createApp(ON_PODMAN, Optional.of(PODMAN_POOL));
        other.createApp(ON_DOCKER, Optional.of(DOCKER_POOL));
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (first != null) {
            one.request().delete("/api/v1/apps/" + ON_PODMAN);
            one.request().delete("/api/v1/apps/" + ON_DOCKER);
            // The workers remove the apps' containers; they must live until that is done.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> containersOf(podman, ON_PODMAN).isEmpty()
                            && containersOf(docker, ON_DOCKER).isEmpty());
        }
        for (WorkerProcess worker : workers) {
            worker.stop();
        }
        for (GatewayProcess gateway : new GatewayProcess[] {first, second}) {
            if (gateway != null) {
                gateway.stop();
            }
        }
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    @Order(1)
    void appsOfBothPoolsDeployAtOnceEachOnItsOwnEngineAndEachAppsDeploymentsInTheOrderRequested() {
        assertThat(other.request()
                        .get("/api/v1/apps/" + ON_PODMAN)
                        .then()
                        .extract()
                        .path("pool")
                        .toString())
                .isEqualTo(PODMAN_POOL);

        GatewayApi.eachAppDeployedTwiceAtOnceInTheOrderRequested(
                List.of(one, other), Map.of(ON_PODMAN, podmanImages.get("fast"), ON_DOCKER, dockerImages.get("fast")));

        assertThat(containersOf(podman, ON_PODMAN)).isNotEmpty();
        assertThat(containersOf(docker, ON_PODMAN)).isEmpty();
        assertThat(containersOf(docker, ON_DOCKER)).isNotEmpty();
        assertThat(containersOf(podman, ON_DOCKER)).isEmpty();
        // The gateway runs no engine: the processes it shows come from the workers' reports.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath app = other.request()
                    .get("/api/v1/apps/" + ON_DOCKER)
                    .then()
                    .extract()
                    .jsonPath();
            assertThat(app.getList("processes.state", String.class)).containsExactly("RUNNING");
            assertThat(app.getString("processes[0].address")).matches("127\\.0\\.0\\.1:\\d+");
        });
    }

    @Test
    @Order(2)
    void aWorkerKilledMidTaskLosesItsDeploymentWhileTheOldReleaseRunsOnAndTheNextDeploymentRuns() throws Exception {
        String current = currentRelease(ON_PODMAN);
        // The current release's own containers: the release before it may still be retiring in the background.
        List<String> webBefore = webContainerIds(podman, current);

        String lost = one.deploy(ON_PODMAN, podmanImages.get("slow"));
        LogFollower.awaitLine(one.logs(lost), GatewayProcess.TOKEN, "slow-started");
        WorkerProcess running = workerNamed(one.deployment(lost).getString("worker"));
        running.kill();

        JsonPath ended = await().atMost(LEASE.multipliedBy(6))
                .until(
                        () -> other.deployment(lost),
                        d -> !"RUNNING".equals(d.getString("status")) && !"QUEUED".equals(d.getString("status")));
        assertThat(ended.getString("status")).isEqualTo("FAILED");
        assertThat(ended.getString("reason")).isEqualTo("worker lost");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(containersOfDeployment(podman, lost))
                        .as("what the lost deployment started is removed by a live worker of the pool")
                        .isEmpty());
        assertThat(currentRelease(ON_PODMAN)).isEqualTo(current);
        assertThat(webBefore).isNotEmpty();
        assertThat(webContainerIds(podman, current))
                .as("the previous release's web container still runs")
                .isEqualTo(webBefore);
        assertThat(one.storedLines(lost))
                .as("the lost deployment's task ran once and never again")
                .containsOnlyOnce("slow-started");

        String next = other.deploy(ON_PODMAN, podmanImages.get("fast"));
        JsonPath nextEnded = one.awaitEnd(next);
        assertThat(nextEnded.getString("status")).as(nextEnded.prettify()).isEqualTo("SUCCEEDED");
        assertThat(currentRelease(ON_PODMAN)).isEqualTo(next);
        // The killed worker comes back; a restart never re-runs what it had claimed.
        running.start();
    }

    @Test
    @Order(3)
    void aBrokerRestartDuringADeployLosesNoLineAndRequestsMeanwhileAreRefusedNotLost() throws Exception {
        String deploymentId = one.deploy(ON_DOCKER, dockerImages.get("counting"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "RUNNING".equals(GatewayApi.phaseStatus(one.deployment(deploymentId), "PREDEPLOY")));

        Process restart = new ProcessBuilder(
                        Path.of("..", "scripts", "services").toString(), "restart", "kafka")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(restart.waitFor(3, TimeUnit.MINUTES))
                .as("the broker restarts")
                .isTrue();
        assertThat(restart.exitValue()).isZero();

        JsonPath ended = other.awaitEnd(deploymentId);
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        assertThat(other.storedLines(deploymentId).stream()
                        .filter(line -> line.startsWith("line-"))
                        .toList())
                .containsExactly("line-1", "line-2", "line-3", "line-4", "line-5", "line-6", "line-7", "line-8");
    }

    @Test
    @Order(4)
    void aBuildContextUploadedToOneGatewayIsBuiltByAWorkerOnAnotherHost() {
        byte[] context = BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                .file("Procfile", PROCFILE)
                .toGzip();
        String deploymentId = one.request()
                .contentType("application/x-tar")
                .body(context)
                .post("/api/v1/apps/" + ON_DOCKER + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        JsonPath ended = other.awaitEnd(deploymentId);
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        assertThat(GatewayApi.phaseStatus(ended, "BUILD")).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(5)
    void eitherReplicaStreamsADeploymentsLogsLiveAndTheOtherResumesThemWhereTheStreamBroke() throws Exception {
        String deploymentId = one.deploy(ON_PODMAN, podmanImages.get("counting"));

        List<LogFollower.Line> followed =
                LogFollower.follow(other.logs(deploymentId), GatewayProcess.TOKEN, Optional.empty());
        List<String> counted = followed.stream()
                .map(LogFollower.Line::line)
                .filter(line -> line.startsWith("line-"))
                .toList();
        assertThat(counted)
                .containsExactly("line-1", "line-2", "line-3", "line-4", "line-5", "line-6", "line-7", "line-8");
        assertThat(followed).extracting(LogFollower.Line::seq).isSorted().doesNotHaveDuplicates();

        int middle = followed.size() / 2;
        List<LogFollower.Line> resumed = LogFollower.follow(
                one.logs(deploymentId),
                GatewayProcess.TOKEN,
                Optional.of(followed.get(middle).id()));
        assertThat(resumed).isEqualTo(followed.subList(middle + 1, followed.size()));
        assertThat(one.storedLines(deploymentId))
                .as("each event stored once, whichever replica took it")
                .doesNotHaveDuplicates()
                .containsAll(counted);
    }

    @Test
    @Order(6)
    void aTokenRevokedThroughOneReplicaIsRefusedByTheOtherOnItsVeryNextRequest() {
        Map<String, Object> body = Map.of("name", "revoked-" + RUN, "role", "viewer", "apps", List.of(ON_DOCKER));
        JsonPath created = one.request()
                .body(body)
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String value = created.getString("token");
        assertThat(asToken(other, value).get("/api/v1/apps/" + ON_DOCKER).statusCode())
                .as("the other replica serves the token it did not make")
                .isEqualTo(200);

        one.request().delete("/api/v1/tokens/" + created.getString("id")).then().statusCode(204);

        // No wait between the revocation and the request: every replica reads the token's row on every request.
        assertThat(asToken(other, value).get("/api/v1/apps/" + ON_DOCKER).statusCode())
                .as("the other replica's very next request with the revoked token")
                .isEqualTo(401);
        assertThat(asToken(one, value).get("/api/v1/apps/" + ON_DOCKER).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(7)
    void eachCronFiringOfTheScenarioRanOnceThoughBothReplicasTicked() {
        String entry = one.request()
                .get("/api/v1/apps/" + ON_PODMAN + "/cron")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        List<String> firedAt = one.request()
                .get("/api/v1/apps/" + ON_PODMAN + "/runs?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.trigger == 'cron:" + entry + "' }.createdAt", String.class);
        // A firing starts its run within a tick (10 s) of its minute, so each run's minute names its firing.
        List<Instant> minutes = firedAt.stream()
                .map(at -> Instant.parse(at).truncatedTo(ChronoUnit.MINUTES))
                .toList();
        assertThat(minutes).as("runs of the every-minute entry").isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    @Order(8)
    void aConsoleAttachedThroughOneReplicaRunsOnTheWorkerThatHoldsTheRunAndEndsWithItsExitCode() throws Exception {
        String id = one.request()
                .body(Map.of("command", "sh", "interactive", true))
                .post("/api/v1/apps/" + ON_PODMAN + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        try (ConsoleSocketClient console =
                ConsoleSocketClient.attach(other.gateway().uri(), id, GatewayProcess.TOKEN)) {
            console.type("echo hi-$((6*7))\n");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(console.screen()).contains("hi-42"));
            console.resize(132, 41);
            console.type("stty size\n");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(console.screen()).contains("41 132"));
            assertThat(containersOfRun(podman, id))
                    .as("the console's container runs")
                    .hasSize(1);

            console.type("exit 3\n");
            assertThat(console.closed().get(60, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(console.texts())
                    .last()
                    .asString()
                    .contains("\"status\":\"FAILED\"")
                    .contains("\"exitCode\":3");
        }
        // The run's end travels on the run-events topic, beside the console's: the replicas store it at once.
        JsonPath run = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> one.request()
                                .get("/api/v1/runs/" + id)
                                .then()
                                .extract()
                                .jsonPath(),
                        ended -> !"RUNNING".equals(ended.getString("status")));
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("FAILED");
        assertThat(run.getInt("exitCode")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(containersOfRun(podman, id)).isEmpty());

        // A run whose console ended waits for no client: no worker opens it again.
        try (ConsoleSocketClient again =
                ConsoleSocketClient.attach(one.gateway().uri(), id, GatewayProcess.TOKEN)) {
            assertThat(again.closed().get(30, TimeUnit.SECONDS)).isEqualTo(4404);
        }
    }

    private static RequestSpecification asToken(GatewayApi gateway, String token) {
        return given().baseUri(gateway.gateway().uri().toString()).header("Authorization", "Bearer " + token);
    }

    private static GatewayProcess gateway() throws IOException {
        String jdbc = TestEngines.endpoint("postgres.jdbc-url");
        return GatewayProcess.remote(GatewayProcess.POSTGRESQL_JAR)
                .with("QUARKUS_DATASOURCE_JDBC_URL", jdbc + "?currentSchema=" + SCHEMA)
                .with("QUARKUS_DATASOURCE_USERNAME", TestEngines.endpoint("postgres.username"))
                .with("QUARKUS_DATASOURCE_PASSWORD", TestEngines.endpoint("postgres.password"))
                .with("QUARKUS_FLYWAY_SCHEMAS", SCHEMA)
                .with("KAFKA_BOOTSTRAP_SERVERS", TestEngines.endpoint("kafka.bootstrap-servers"))
                .with("SLIPWAY_WORKER_TOKEN", WORKER_TOKEN)
                .with("SLIPWAY_WORKER_LEASE", LEASE.toSeconds() + "s");
    }

    /** The apps' images, built on the engine of the pool that runs them. */
    /** @param cron app.json's {@code cron} member with its comma, or nothing */
    private static Map<String, String> images(ContainerRuntime runtime, String cron) {
        TestImages images = new TestImages(runtime);
        // Closed in reverse: the images first, while their engine client is still open.
        closing.add(runtime);
        closing.add(images);
        return Map.of(
                "fast", image(images, "echo predeploy-ran", cron),
                "slow", image(images, "echo slow-started && sleep 300", cron),
                "counting", image(images, "for i in 1 2 3 4 5 6 7 8; do echo line-$i; sleep 1; done", cron));
    }

    private static String image(TestImages images, String predeploy, String cron) {
        String appJson = "{\"scripts\": {\"dokku\": {\"predeploy\": \"" + predeploy + "\"}}" + cron + "}";
        return images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                .file("app.json", appJson)
                .file("Procfile", PROCFILE));
    }

    private static String currentRelease(String app) {
        return new GatewayApi(first).currentRelease(app);
    }

    /** The worker the gateway says claimed a deployment. */
    private static WorkerProcess workerNamed(String id) {
        return workers.stream()
                .filter(worker -> worker.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker " + id + " of this test claimed the deployment"));
    }

    private static List<ContainerInfo> containersOf(ContainerRuntime runtime, String app) {
        return runtime.listContainers(Map.of("io.slipway.app", app));
    }

    private static List<ContainerInfo> containersOfDeployment(ContainerRuntime runtime, String deploymentId) {
        return runtime.listContainers(Map.of("io.slipway.deployment", deploymentId));
    }

    private static List<ContainerInfo> containersOfRun(ContainerRuntime runtime, String runId) {
        return runtime.listContainers(Map.of("io.slipway.run", runId));
    }

    private static List<String> webContainerIds(ContainerRuntime runtime, String release) {
        return runtime.listContainers(Map.of("io.slipway.deployment", release, "io.slipway.role", "process")).stream()
                .map(ContainerInfo::id)
                .sorted()
                .toList();
    }
}
