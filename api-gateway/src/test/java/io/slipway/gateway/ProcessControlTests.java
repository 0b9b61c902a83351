package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.leases.WorkerReports;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Restart, stop, start, scale now and config releases as the API takes them: deployments of their own kind of the
 * current release; and the app's state as its view shows it.
 */
@QuarkusTest
class ProcessControlTests {

    private static final String IMAGE = "example/web:1";

    @Inject
    TestDeployments deployments;

    @Inject
    WorkerReports reports;

    @Test
    void processControlNeedsAReleaseAndAnApp() {
        String app = newApp();
        for (String operation : new String[] {"restart", "stop", "start"}) {
            api().post("/api/v1/apps/" + app + "/" + operation)
                    .then()
                    .statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo(app + " has no release yet: deploy it first"));
            api().post("/api/v1/apps/no-such-app/" + operation).then().statusCode(404);
        }
        api().get("/api/v1/apps/" + app).then().body("state", equalTo("new"));
    }

    @Test
    void restartStopAndStartAreDeploymentsOfTheirKindOfTheCurrentRelease() {
        String app = released();
        String releaseImage = "slipway/" + app + ":release-1";

        json(Map.of("type", "worker"))
                .post("/api/v1/apps/" + app + "/restart")
                .then()
                .statusCode(202)
                .body("kind", equalTo("RESTART"))
                .body("image", equalTo(releaseImage));
        json(Map.of("type", "not a type!"))
                .post("/api/v1/apps/" + app + "/restart")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON);
        api().post("/api/v1/apps/" + app + "/restart").then().statusCode(202).body("kind", equalTo("RESTART"));
        api().post("/api/v1/apps/" + app + "/stop").then().statusCode(202).body("kind", equalTo("STOP"));
        api().post("/api/v1/apps/" + app + "/start").then().statusCode(202).body("kind", equalTo("START"));
    }

    @Test
    void aStoppedAppShowsStoppedUntilItRunsAgainAndKeepsItsRelease() {
        String app = newApp();
        String release =
                deployments.queuedWithEvents(app, IMAGE).succeeds(IMAGE, "r1").id();
        api().get("/api/v1/apps/" + app).then().body("state", equalTo("running"));

        deployments
                .events(deployments.queued(app, DeploymentKind.STOP, "r1"), app)
                .finished(DeploymentStatus.SUCCEEDED, null, "r1");
        api().get("/api/v1/apps/" + app)
                .then()
                .body("state", equalTo("stopped"))
                .body("currentRelease.deploymentId", equalTo(release));

        String start = deployments.queued(app, DeploymentKind.START, "r1");
        api().get("/api/v1/apps/" + app).then().body("state", equalTo("deploying"));
        deployments.events(start, app).finished(DeploymentStatus.SUCCEEDED, null, "r1");
        api().get("/api/v1/apps/" + app)
                .then()
                .body("state", equalTo("running"))
                .body("currentRelease.deploymentId", equalTo(release));
    }

    @Test
    void aScaleOfARunningReleaseAppliesNowUnlessNothingChangesOrItIsOnlyStored() {
        String app = released();
        String formation = "/api/v1/apps/" + app + "/formation";

        json(Map.of("web", 2))
                .put(formation)
                .then()
                .statusCode(202)
                .body("kind", equalTo("SCALE"))
                .body("image", equalTo("slipway/" + app + ":release-1"));
        json(Map.of("web", 2)).put(formation).then().statusCode(200).body(equalTo("{\"web\":2}"));
        json(Map.of("worker", 1))
                .put(formation + "?deploy=false")
                .then()
                .statusCode(200)
                .body(equalTo("{\"worker\":1}"));
    }

    @Test
    void aConfigChangeOfAReleasedAppMakesAConfigReleaseOfItsSourceImage() {
        String app = newApp();
        String config = "/api/v1/apps/" + app + "/config";
        json(Map.of("A", "1")).put(config).then().statusCode(200).body(equalTo("{\"A\":\"1\"}"));
        deployments.queuedWithEvents(app, IMAGE).succeeds(IMAGE, "slipway/" + app + ":release-1");

        json(Map.of("B", "secret-value"))
                .patch(config)
                .then()
                .statusCode(200)
                .body("config", equalTo(Map.of("A", "1", "B", "secret-value")))
                .body("deployment.kind", equalTo("CONFIG"))
                .body("deployment.image", equalTo(IMAGE));
        json(Map.of("A", "2"))
                .put(config + "?deploy=false")
                .then()
                .statusCode(200)
                .body("config", equalTo(Map.of("A", "2")))
                .body("deployment", nullValue());
    }

    @Test
    void aProcessTheEngineReportsRestartedShowsItsRestartsAndTheAppCrashed() {
        String app = released();
        Instant started = Instant.parse("2026-01-02T03:04:05Z");
        report(app, "RUNNING", 2, started);
        api().get("/api/v1/apps/" + app)
                .then()
                .body("state", equalTo("crashed"))
                .body("processes[0].restarts", equalTo(2))
                .body("processes[0].startedAt", equalTo("2026-01-02T03:04:05Z"));

        report(app, "RUNNING", 0, started);
        api().get("/api/v1/apps/" + app).then().body("state", equalTo("running"));
        report(app, "EXITED", 0, started);
        api().get("/api/v1/apps/" + app).then().body("state", equalTo("crashed"));
    }

    private void report(String app, String state, int restarts, Instant startedAt) {
        reports.storeEmbedded(WebProcessReports.of(app, state, restarts, startedAt));
    }

    /** An app whose current release is {@link #IMAGE}, its release image {@code slipway/<app>:release-1}. */
    private String released() {
        String app = newApp();
        deployments
                .queuedWithEvents(app, IMAGE)
                .succeeds(IMAGE, "slipway/" + app + ":release-1", "web: sleep 60\nworker: sleep 60");
        return app;
    }
}
