package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.cron.CronFirings;
import io.slipway.gateway.repository.CronFiring;
import io.slipway.gateway.repository.CronFiringRepository;
import io.slipway.manifest.CronEntry;
import io.slipway.manifest.CronSchedule;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * app.json cron entries through the engine's events and the API: a release replaces them, anything else leaves them;
 * list, suspend, resume and run now; and a firing's claim, which two replicas firing the same firing share.
 */
@QuarkusTest
class CronTests {

    /** Schedules that never come due while a test runs, so that no tick fires what a test fires by hand. */
    private static final String NEW_YEAR = "0 0 1 1 *";

    private static final String YEARLY = "@yearly";
    private static final Duration RUN_END = Duration.ofMinutes(1);

    @Inject
    TestDeployments deployments;

    @Inject
    CronFirings firings;

    @Inject
    CronFiringRepository claims;

    private static String entry(String command, String schedule, String extra) {
        return "{\"command\": \"" + command + "\", \"schedule\": \"" + schedule + "\"" + extra + "}";
    }

    private static String appJson(String... entries) {
        return "{\"cron\": [" + String.join(", ", entries) + "]}";
    }

    private static String idOf(String command, String schedule) {
        return CronEntry.idOf(command, CronSchedule.parse(schedule));
    }

    /** A successful release of the base image, a real one, so that a run of it really runs. */
    private String release(String app, String appJson) {
        String image = TestEngines.baseImage();
        return deployments
                .queuedWithEvents(app, image)
                .succeeds(image, image, appJson, null)
                .id();
    }

    private static Response list(String app) {
        return api().get("/api/v1/apps/" + app + "/cron");
    }

    private static Response suspend(String app, String id, Object body) {
        return json(body).put("/api/v1/apps/" + app + "/cron/" + id);
    }

    @Test
    void aReleaseReplacesTheEntriesAndThoseItKeepsKeepTheirSuspension() {
        String app = newApp();
        String kept = idOf("echo kept", NEW_YEAR);
        String dropped = idOf("echo dropped", YEARLY);
        String added = idOf("echo added", NEW_YEAR);
        String first = release(
                app,
                appJson(
                        entry("echo kept", NEW_YEAR, ""),
                        entry("echo dropped", YEARLY, ", \"concurrency_policy\": \"forbid\", \"maintenance\": true")));

        list(app)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(kept, dropped)))
                .body("[0].command", equalTo("echo kept"))
                .body("[0].schedule", equalTo(NEW_YEAR))
                .body("[0].concurrencyPolicy", equalTo("allow"))
                .body("[0].suspended", equalTo(false))
                .body("[0].nextRunAt", notNullValue())
                .body("[0].lastRun", nullValue())
                .body("[1].concurrencyPolicy", equalTo("forbid"))
                .body("[1].suspended", equalTo(true))
                .body("[1].nextRunAt", nullValue());
        assertThat(list(app).jsonPath().getMap("[0]"))
                .containsOnlyKeys(
                        "id", "command", "schedule", "concurrencyPolicy", "suspended", "nextRunAt", "lastRun");

        suspend(app, kept, Map.of("suspended", true))
                .then()
                .statusCode(200)
                .body("suspended", equalTo(true))
                .body("nextRunAt", nullValue());
        String second = release(app, appJson(entry("echo kept", NEW_YEAR, ""), entry("echo added", NEW_YEAR, "")));

        assertThat(second).isNotEqualTo(first);
        list(app).then().body("id", equalTo(List.of(kept, added))).body("suspended", equalTo(List.of(true, false)));
        suspend(app, kept, Map.of("suspended", false))
                .then()
                .statusCode(200)
                .body("suspended", equalTo(false))
                .body("nextRunAt", notNullValue());
        // Written after the answer, by the audit log's own writer.
        await().atMost(RUN_END)
                .untilAsserted(() -> api().get("/api/v1/audit?app=" + app)
                        .then()
                        .body(
                                "findAll { it.target == '" + kept + "' }.action",
                                equalTo(List.of(
                                        "PUT /api/v1/apps/{app}/cron/{id}", "PUT /api/v1/apps/{app}/cron/{id}")))
                        .body(
                                "findAll { it.target == '" + kept + "' }.outcome",
                                equalTo(List.of("succeeded", "succeeded"))));
    }

    @Test
    void aFailedDeploymentAndProcessControlLeaveTheEntries() {
        String app = newApp();
        String kept = idOf("echo kept", NEW_YEAR);
        release(app, appJson(entry("echo kept", NEW_YEAR, "")));
        String image = TestEngines.baseImage();

        deployments
                .queuedWithEvents(app, image)
                .started()
                .manifests(image, appJson(entry("echo other", NEW_YEAR, "")), null)
                .finished(DeploymentStatus.FAILED, "predeploy: exited with code 1", null);
        deployments.queuedWithEvents(app, DeploymentKind.RESTART, image).succeeds(image, image, "{}", null);

        list(app).then().body("id", equalTo(List.of(kept)));
    }

    @Test
    void runNowStartsARunWithTheEntrysTriggerThatTheListShowsAsItsLastRun() {
        String app = newApp();
        String id = idOf("echo now", NEW_YEAR);
        release(app, appJson(entry("echo now", NEW_YEAR, "")));

        Response accepted = api().post("/api/v1/apps/" + app + "/cron/" + id + "/run");

        accepted.then().statusCode(202).body("trigger", equalTo("cron:" + id)).body("command", equalTo("echo now"));
        String run = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/runs/" + run);
        list(app).then().body("[0].lastRun.id", equalTo(run));
        awaitEnd(run);
    }

    @Test
    void unknownAppsAndEntriesAnswer404AnAppWithoutReleaseHasNothingToRunAndABadBodyNamesItsField() {
        String fresh = newApp();
        list("no-such-app").then().statusCode(404);
        list(fresh).then().statusCode(200).body("size()", equalTo(0));
        api().post("/api/v1/apps/" + fresh + "/cron/0123456789abcdef/run")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);

        String app = newApp();
        String id = idOf("echo x", NEW_YEAR);
        release(app, appJson(entry("echo x", NEW_YEAR, "")));
        api().post("/api/v1/apps/" + app + "/cron/0123456789abcdef/run")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        suspend(app, "0123456789abcdef", Map.of("suspended", true)).then().statusCode(404);
        for (Object bad : List.of(Map.of(), Map.of("suspended", "yes"), Map.of("suspended", 1))) {
            suspend(app, id, bad)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("detail", containsString("suspended:"));
        }
        list(app).then().body("[0].suspended", equalTo(false));
    }

    @Test
    void ofTwoReplicasFiringTheSameFiringExactlyOneClaimsItAndStartsItsRun() throws Exception {
        String app = newApp();
        String id = idOf("echo fired", NEW_YEAR);
        release(app, appJson(entry("echo fired", NEW_YEAR, "")));
        Instant firing = Instant.parse("2026-01-01T00:00:00Z");
        CountDownLatch ready = new CountDownLatch(2);
        Callable<Boolean> replica = () -> {
            ready.countDown();
            ready.await();
            return firings.fire(app, id, firing);
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> fired = replicas.invokeAll(List.of(replica, replica));
            assertThat(List.of(fired.get(0).get(), fired.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            replicas.shutdownNow();
        }

        List<String> runs = cronRuns(app, id);
        assertThat(runs).hasSize(1);
        assertThat(claimsOf(app, id, firing))
                .singleElement()
                .satisfies(claim -> assertThat(claim.runId()).contains(runs.get(0)))
                .satisfies(claim -> assertThat(claim.skipReason()).isEmpty());
        assertThat(firings.fire(app, id, firing)).isFalse();
        awaitEnd(runs.get(0));
    }

    @Test
    void forbidSkipsAFiringWhileThePreviousRunRunsReplaceCancelsItAndAStoppedAppRunsNone() {
        String app = newApp();
        String forbid = idOf("sleep 30", NEW_YEAR);
        String replace = idOf("sleep 30", YEARLY);
        release(
                app,
                appJson(
                        entry("sleep 30", NEW_YEAR, ", \"concurrency_policy\": \"forbid\""),
                        entry("sleep 30", YEARLY, ", \"concurrency_policy\": \"replace\"")));
        String forbidden = runNow(app, forbid);
        String replaced = runNow(app, replace);
        awaitRunning(forbidden);
        awaitRunning(replaced);
        Instant firing = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(firings.fire(app, forbid, firing)).isTrue();
        assertThat(firings.fire(app, replace, firing)).isTrue();

        assertThat(claimsOf(app, forbid, firing)).singleElement().satisfies(claim -> {
            assertThat(claim.runId()).isEmpty();
            assertThat(claim.skipReason()).contains("concurrency_policy forbid: run " + forbidden + " still runs");
        });
        assertThat(cronRuns(app, forbid)).containsExactly(forbidden);
        List<String> replacing = cronRuns(app, replace);
        assertThat(replacing).hasSize(2).endsWith(replaced);
        assertThat(claimsOf(app, replace, firing).get(0).runId()).contains(replacing.get(0));
        awaitEnd(replaced).then().body("status", equalTo("CANCELLED"));
        api().post("/api/v1/runs/" + forbidden + "/cancel").then().statusCode(202);
        api().post("/api/v1/runs/" + replacing.get(0) + "/cancel").then().statusCode(202);
        awaitEnd(forbidden);
        awaitEnd(replacing.get(0));

        String image = TestEngines.baseImage();
        deployments.queuedWithEvents(app, DeploymentKind.STOP, image).succeeds(image, image, "{}", null);
        Instant later = firing.plus(Duration.ofMinutes(1));
        assertThat(firings.fire(app, forbid, later)).isTrue();
        assertThat(claimsOf(app, forbid, later).get(0).skipReason()).contains("the app is stopped");
        assertThat(cronRuns(app, forbid)).containsExactly(forbidden);
    }

    private static String runNow(String app, String id) {
        return api().post("/api/v1/apps/" + app + "/cron/" + id + "/run")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** The entry's runs, newest first. */
    private static List<String> cronRuns(String app, String id) {
        return api().get("/api/v1/apps/" + app + "/runs?limit=500")
                .jsonPath()
                .getList("findAll { it.trigger == 'cron:" + id + "' }.id", String.class);
    }

    private List<CronFiring> claimsOf(String app, String id, Instant firing) {
        return QuarkusTransaction.requiringNew().call(() -> claims.of(app, id, firing));
    }

    private static void awaitRunning(String run) {
        await().atMost(RUN_END)
                .until(() -> "RUNNING".equals(api().get("/api/v1/runs/" + run).path("status")));
    }

    private static Response awaitEnd(String run) {
        await().atMost(RUN_END)
                .until(() -> !List.of("QUEUED", "RUNNING")
                        .contains(api().get("/api/v1/runs/" + run).path("status")));
        return api().get("/api/v1/runs/" + run);
    }
}
