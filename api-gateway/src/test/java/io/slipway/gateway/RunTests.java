package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.security.SubprotocolToken;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One-off runs through the API, run by the embedded engine on the real rootful Podman in containers of a deployed
 * release: how each ends, what it prints and sees, and that its container is gone after it; and the run of a release's
 * app.json cron entry when its minute comes.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTests {

    private static final Duration RUN_END = Duration.ofMinutes(1);
    private String app;
    private TestImages images;

    @TestHTTPResource("/api/v1/runs/")
    URL runsUrl;

    @Inject
    ContainerRuntime runtime;

    @Inject
    ObjectMapper json;

    /** One app with a release for every test: a deployment costs more than the runs. */
    private String deployedApp() {
        if (app == null) {
            if (images == null) {
                images = new TestImages(runtime);
            }
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", """
                            web: exec httpd -f -p $PORT -h /
                            migrate: echo migrated $GREETING
                            """));
            String created = newApp();
            json(Map.of("GREETING", "hello"))
                    .put("/api/v1/apps/" + created + "/config")
                    .then()
                    .statusCode(200);
            String release = deploy(created, image);
            api().get("/api/v1/deployments/" + release).then().body("status", equalTo("SUCCEEDED"));
            app = created;
        }
        return app;
    }

    @AfterAll
    void removeApp() {
        if (app != null) {
            // RestAssured's port is no longer set once the tests are done: the test's own URL names it.
            api().port(runsUrl.getPort()).delete("/api/v1/apps/" + app).then().statusCode(204);
            app = null;
        }
        if (images != null) {
            images.close();
        }
    }

    @Test
    void aNonZeroExitEndsFailedWithItsCodeOutputAndTheVariablesOfTheRunAndNoContainerIsLeft() throws Exception {
        Response accepted = run(Map.of(
                "command",
                "echo app=$SLIPWAY_APP run=$SLIPWAY_RUN_ID $GREETING $EXTRA; echo oops >&2; exit 4",
                "env",
                Map.of("EXTRA", "extra-value")));
        accepted.then()
                .statusCode(202)
                .body("app", equalTo(deployedApp()))
                .body("trigger", equalTo("api"))
                .body("exitCode", nullValue())
                .body("finishedAt", nullValue())
                .body("reason", nullValue());
        String id = accepted.path("id");
        assertThat(accepted.jsonPath().getMap("$"))
                .containsOnlyKeys(
                        "id",
                        "app",
                        "command",
                        "status",
                        "exitCode",
                        "releaseDeploymentId",
                        "trigger",
                        "createdAt",
                        "startedAt",
                        "finishedAt",
                        "reason");
        assertThat(accepted.<String>path("status")).isIn("QUEUED", "RUNNING");

        awaitEnd(id).then().body("status", equalTo("FAILED")).body("exitCode", equalTo(4));

        // The engines copy stdout and stderr apart: a line of each may arrive in either order.
        assertThat(lines(SseReader.open(runsUrl.toURI().resolve(id + "/logs"))))
                .containsExactlyInAnyOrder("app=" + app + " run=" + id + " hello extra-value", "oops");
        assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
        assertThat(api().get("/api/v1/runs/" + id).asString()).doesNotContain("extra-value");
    }

    @Test
    void aCommandThatIsAProcfileProcessNameRunsThatEntry() throws Exception {
        String id = run(Map.of("command", "migrate"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        awaitEnd(id).then().body("status", equalTo("SUCCEEDED")).body("exitCode", equalTo(0));
        assertThat(lines(SseReader.open(runsUrl.toURI().resolve(id + "/logs")))).containsExactly("migrated hello");
    }

    @Test
    void aRunPastItsTimeoutEndsTimedOut() {
        String id = run(Map.of("command", "sleep 60", "timeoutSeconds", 1))
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        awaitEnd(id).then().body("status", equalTo("TIMED_OUT"));
        assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
    }

    @Test
    void aCancelledRunEndsCancelledWithoutItsContainerAndCannotBeCancelledAgain() {
        String id = run(Map.of("command", "echo started; sleep 60"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(RUN_END)
                .until(() -> "RUNNING".equals(api().get("/api/v1/runs/" + id).path("status")));

        api().post("/api/v1/runs/" + id + "/cancel").then().statusCode(202);

        awaitEnd(id).then().body("status", equalTo("CANCELLED"));
        assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
        api().post("/api/v1/runs/" + id + "/cancel").then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void theLogsStreamResumesAfterLastEventIdAndEndsWithTheRun() throws Exception {
        String id = run(Map.of("command", "echo one; echo two; echo three"))
                .then()
                .extract()
                .path("id");
        SseReader whole = SseReader.open(runsUrl.toURI().resolve(id + "/logs"));
        assertThat(whole.awaitEnd(RUN_END)).isEqualTo(200);
        assertThat(lines(whole)).containsExactly("one", "two", "three");
        assertThat(json.readTree(whole.named("end").get(0).data()).get("status").asText())
                .isEqualTo("SUCCEEDED");

        SseReader resumed = SseReader.resume(
                runsUrl.toURI().resolve(id + "/logs"), whole.lines().get(0).id());

        assertThat(lines(resumed)).containsExactly("two", "three");
    }

    @Test
    void theAppsRunsAreListedNewestFirstAPageAtATime() {
        String first = run(Map.of("command", "true")).then().extract().path("id");
        String second = run(Map.of("command", "true")).then().extract().path("id");

        Response page = api().get("/api/v1/apps/" + deployedApp() + "/runs?limit=1");

        page.then().statusCode(200).body("[0].id", equalTo(second));
        assertThat(page.header("Link")).contains("before=" + second).contains("rel=\"next\"");
        api().get("/api/v1/apps/" + app + "/runs?limit=1&before=" + second)
                .then()
                .body("[0].id", equalTo(first));
        awaitEnd(first);
        awaitEnd(second);
    }

    @Test
    void aRunNeverWaitsForTheAppsRunningDeployment() {
        String slowImage = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json /app/")
                .file("app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"sleep 120\"}}}"));
        String slow = Api.startDeployment(deployedApp(), slowImage);
        try {
            await().atMost(RUN_END)
                    .until(() -> "RUNNING"
                            .equals(api().get("/api/v1/deployments/" + slow).path("status")));

            String id = run(Map.of("command", "echo beside"))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");

            awaitEnd(id).then().body("status", equalTo("SUCCEEDED"));
            api().get("/api/v1/deployments/" + slow).then().body("status", equalTo("RUNNING"));
        } finally {
            api().post("/api/v1/deployments/" + slow + "/cancel");
            await().atMost(RUN_END)
                    .until(() -> "CANCELLED"
                            .equals(api().get("/api/v1/deployments/" + slow).path("status")));
        }
    }

    @Test
    void aCronEntryOfTheReleaseFiresOnItsMinuteAndItsRunKeepsItsOutput() throws Exception {
        if (images == null) {
            images = new TestImages(runtime);
        }
        String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile app.json /app/")
                .file("Procfile", "web: exec httpd -f -p $PORT -h /\n")
                .file(
                        "app.json",
                        "{\"cron\": [{\"command\": \"echo fired by $SLIPWAY_APP\", \"schedule\": \"* * * * *\"}]}"));
        String cronApp = newApp();
        try {
            api().get("/api/v1/deployments/" + deploy(cronApp, image)).then().body("status", equalTo("SUCCEEDED"));
            String id = api().get("/api/v1/apps/" + cronApp + "/cron").path("[0].id");

            // The next whole minute comes within 60 s of the release, and a tick within seconds of it.
            await().atMost(Duration.ofSeconds(70))
                    .until(() -> api().get("/api/v1/apps/" + cronApp + "/runs").path("[0].trigger") != null);
            Response fired = api().get("/api/v1/apps/" + cronApp + "/runs");
            fired.then().body("[0].trigger", equalTo("cron:" + id));
            String run = fired.path("[-1].id");

            awaitEnd(run).then().body("status", equalTo("SUCCEEDED"));
            assertThat(lines(SseReader.open(runsUrl.toURI().resolve(run + "/logs"))))
                    .containsExactly("fired by " + cronApp);
            api().get("/api/v1/apps/" + cronApp + "/cron").then().body("[0].lastRun.id", equalTo(run));
        } finally {
            api().delete("/api/v1/apps/" + cronApp).then().statusCode(204);
        }
    }

    @Test
    void anAppWithoutAReleaseHasNothingToRunIn() {
        String fresh = newApp();

        json(Map.of("command", "true"))
                .post("/api/v1/apps/" + fresh + "/runs")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        json(Map.of("command", "true"))
                .post("/api/v1/apps/no-such-app/runs")
                .then()
                .statusCode(404);
        api().get("/api/v1/runs/no-such-run").then().statusCode(404);
    }

    @Test
    void badInputIsRefusedNamingItsField() {
        Map<String, Object> badName = Map.of("command", "true", "env", Map.of("1BAD", "x"));
        Map<String, Object> nulInValue = Map.of("command", "true", "env", Map.of("GOOD", "a\0b"));
        Map<String, Object> longCommand = Map.of("command", "x".repeat(64 * 1024 + 1));
        Map<String, Object> nulInCommand = Map.of("command", "echo a\0b");
        Map<String, Object> timeout = Map.of("command", "true", "timeoutSeconds", 0);
        Map<String, Object> noCommand = new HashMap<>(Map.of("timeoutSeconds", 5));
        for (Map.Entry<Map<String, Object>, String> bad : Map.of(
                        badName, "env",
                        nulInValue, "env.GOOD",
                        longCommand, "command",
                        nulInCommand, "command",
                        timeout, "timeoutSeconds",
                        noCommand, "command")
                .entrySet()) {
            run(bad.getKey())
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("detail", containsString(bad.getValue() + ":"));
        }
        assertThat(api().get("/api/v1/apps/" + app + "/runs?limit=500")
                        .jsonPath()
                        .getList("command"))
                .noneMatch(command ->
                        command.toString().contains("\0") || command.toString().length() > 65536);
    }

    @Test
    void aConsoleIsTypedIntoResizedAndEndsWithItsExitCodeItsOutputUnstoredAndItsContainerGone() throws Exception {
        String id = interactive("sh");
        ConsoleClient console = ConsoleClient.open(
                runsUrl.toURI(), id, handshake -> handshake.header("Authorization", "Bearer " + Api.token()));

        console.type("echo hi-$((6*7))\n");
        // The TTY echoes the typed line, which does not hold the result.
        await().atMost(RUN_END).until(() -> console.screen().contains("hi-42"));
        api().get("/api/v1/runs/" + id).then().body("status", equalTo("RUNNING"));
        console.send("{\"resize\": {\"cols\": 101, \"rows\": 37}}");
        console.type("stty size\n");
        await().atMost(RUN_END).until(() -> console.screen().contains("37 101"));
        console.send("{\"resize\": {\"cols\": 0, \"rows\": 37}}");
        await().atMost(RUN_END)
                .until(() -> console.texts().contains("{\"error\":\"resize.cols: a whole number from 1 to 1000\"}"));
        console.type("exit 3\n");

        assertThat(console.awaitClose(RUN_END)).isEqualTo(1000);
        assertThat(console.texts()).contains("{\"ended\":{\"status\":\"FAILED\",\"exitCode\":3}}");
        awaitEnd(id).then().body("status", equalTo("FAILED")).body("exitCode", equalTo(3));
        assertThat(lines(SseReader.open(runsUrl.toURI().resolve(id + "/logs")))).isEmpty();
        assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
    }

    @Test
    void aBrowserSendsItsTokenAsASubprotocolAndAClosedConsoleEndsItsRun() throws Exception {
        String id = interactive("sh");
        ConsoleClient console = ConsoleClient.open(
                runsUrl.toURI(),
                id,
                handshake -> handshake.subprotocols(
                        SubprotocolToken.PROTOCOL, SubprotocolToken.of(Tokens.of(Roles.DEPLOYER))));
        assertThat(console.subprotocol()).isEqualTo(SubprotocolToken.PROTOCOL);
        console.type("echo ready-$((1+1))\n");
        await().atMost(RUN_END).until(() -> console.screen().contains("ready-2"));

        console.close();

        awaitEnd(id).then().body("status", equalTo("CANCELLED"));
        assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
    }

    @Test
    void aConsoleIsRefusedWithoutATokenToAViewerAndOutsideTheTokensAppsAndUnattachedItEndsCancelled() throws Exception {
        String id = interactive("sh");
        URI runs = runsUrl.toURI();
        String otherAppsDeployer =
                Tokens.create(Roles.DEPLOYER, List.of(newApp())).value();

        assertThat(ConsoleClient.refusal(runs, id, handshake -> handshake)).isEqualTo(401);
        assertThat(ConsoleClient.refusal(
                        runs, id, handshake -> handshake.header("Authorization", "Bearer wrong-token")))
                .isEqualTo(401);
        assertThat(ConsoleClient.refusal(
                        runs,
                        id,
                        handshake -> handshake.subprotocols(SubprotocolToken.PROTOCOL, "slipway.bearer.d3Jvbmc")))
                .isEqualTo(401);
        assertThat(ConsoleClient.refusal(
                        runs, id, handshake -> handshake.header("Authorization", "Bearer " + Tokens.of(Roles.VIEWER))))
                .isEqualTo(403);
        assertThat(ConsoleClient.refusal(
                        runs, id, handshake -> handshake.header("Authorization", "Bearer " + otherAppsDeployer)))
                .isEqualTo(404);
        assertThat(ConsoleClient.refusal(
                        runs, "no-such-run", handshake -> handshake.header("Authorization", "Bearer " + Api.token())))
                .isEqualTo(404);

        // No client attached within the (shortened) attach timeout.
        awaitEnd(id).then().body("status", equalTo("CANCELLED")).body("reason", containsString("no client attached"));
        assertThat(runtime.listContainers(Map.of(ContainerLabels.RUN, id))).isEmpty();
        ConsoleClient late =
                ConsoleClient.open(runs, id, handshake -> handshake.header("Authorization", "Bearer " + Api.token()));
        assertThat(late.awaitClose(RUN_END)).isEqualTo(4404);
    }

    @Test
    void everyAttachAcceptedOrRefusedIsAuditedWithItsActorAppAndRunButNoTokenOrInput() throws Exception {
        URI runs = runsUrl.toURI();
        Tokens.Created deployer = Tokens.create(Roles.DEPLOYER, null);
        Tokens.Created viewer = Tokens.create(Roles.VIEWER, null);
        Tokens.Created otherAppsDeployer = Tokens.create(Roles.DEPLOYER, List.of(newApp()));
        // Attached within the (shortened) attach timeout.
        String id = interactive("sh");

        assertThat(ConsoleClient.refusal(runs, id, handshake -> handshake.header("Authorization", "Bearer wrong-1")))
                .isEqualTo(401);
        assertThat(ConsoleClient.refusal(
                        runs, id, handshake -> handshake.header("Authorization", "Bearer " + viewer.value())))
                .isEqualTo(403);
        assertThat(ConsoleClient.refusal(
                        runs,
                        id,
                        handshake -> handshake.header("Authorization", "Bearer " + otherAppsDeployer.value())))
                .isEqualTo(404);
        ConsoleClient console = ConsoleClient.open(
                runs,
                id,
                handshake -> handshake.subprotocols(SubprotocolToken.PROTOCOL, SubprotocolToken.of(deployer.value())));
        console.type("echo typed-secret-$((2+3))\n");
        await().atMost(RUN_END).until(() -> console.screen().contains("typed-secret-5"));
        console.type("exit\n");
        assertThat(console.awaitClose(RUN_END)).isEqualTo(1000);
        ConsoleClient again = ConsoleClient.open(
                runs, id, handshake -> handshake.header("Authorization", "Bearer " + deployer.value()));
        assertThat(again.awaitClose(RUN_END)).isEqualTo(4404);

        List<Map<String, Object>> entries =
                await().atMost(RUN_END).until(() -> attachEntries(id), found -> found.size() == 5);
        String attach = "GET /api/v1/runs/{id}/attach";
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry)
                        .containsEntry("action", attach)
                        .containsEntry("target", id)
                        .containsEntry("sourceAddress", "127.0.0.1"));
        // Newest first.
        assertThat(entries.get(0))
                .containsEntry("actor", deployer.name())
                .containsEntry("role", "deployer")
                .containsEntry("app", deployedApp())
                .containsEntry("outcome", "failed")
                .containsEntry("status", 4404);
        assertThat(entries.get(1))
                .containsEntry("actor", deployer.name())
                .containsEntry("role", "deployer")
                .containsEntry("app", deployedApp())
                .containsEntry("outcome", "succeeded")
                .containsEntry("status", 101);
        assertThat(entries.get(2))
                .containsEntry("actor", otherAppsDeployer.name())
                .containsEntry("outcome", "refused")
                .containsEntry("status", 404);
        assertThat(entries.get(3))
                .containsEntry("actor", viewer.name())
                .containsEntry("role", "viewer")
                .containsEntry("outcome", "refused")
                .containsEntry("status", 403);
        assertThat(entries.get(4))
                .containsEntry("actor", null)
                .containsEntry("outcome", "refused")
                .containsEntry("status", 401);
        String log = api().get("/api/v1/audit?limit=500").asString();
        assertThat(log)
                .contains(id)
                .doesNotContain(deployer.value())
                .doesNotContain(SubprotocolToken.of(deployer.value()))
                .doesNotContain("wrong-1")
                .doesNotContain("typed-secret");
    }

    private String interactive(String command) {
        return run(Map.of("command", command, "interactive", true))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static List<Map<String, Object>> attachEntries(String run) {
        List<Map<String, Object>> entries = api().get("/api/v1/audit?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return entries.stream().filter(entry -> run.equals(entry.get("target"))).toList();
    }

    private Response run(Map<String, Object> body) {
        return json(body).post("/api/v1/apps/" + deployedApp() + "/runs");
    }

    private static Response awaitEnd(String id) {
        await().atMost(RUN_END)
                .until(() -> !List.of("QUEUED", "RUNNING")
                        .contains(api().get("/api/v1/runs/" + id).path("status")));
        return api().get("/api/v1/runs/" + id);
    }

    private List<String> lines(SseReader logs) throws Exception {
        assertThat(logs.awaitEnd(RUN_END)).isEqualTo(200);
        return logs.lines().stream()
                .map(event -> {
                    try {
                        JsonNode line = json.readTree(event.data());
                        return line.get("line").asText();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }
}
