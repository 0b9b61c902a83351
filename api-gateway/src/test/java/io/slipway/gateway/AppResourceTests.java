package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.DeploymentStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AppResourceTests {

    private static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @Inject
    TestDeployments deployments;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aNewAppHasNoReleaseAndNoProcesses() {
        String name = "t-new-" + System.nanoTime();
        json(Map.of("name", name))
                .post("/api/v1/apps")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/apps/" + name))
                .body("name", equalTo(name))
                .body("createdAt", matchesPattern(ISO_UTC))
                .body("currentRelease", nullValue())
                .body("latestDeployment", nullValue())
                .body("processes", equalTo(List.of()));
        api().get("/api/v1/apps/" + name).then().statusCode(200).body("name", equalTo(name));
        api().get("/api/v1/apps").then().statusCode(200).body("name", hasItem(name));
    }

    @Test
    void appsAreListedNewestFirst() {
        String older = newApp();
        String newer = newApp();
        List<String> names = api().get("/api/v1/apps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name");
        assertThat(names).containsSubsequence(newer, older);
    }

    @Test
    void listingAppsCostsNoMoreQueriesForMoreApps() {
        newApp();
        long before = statementsOfListingApps();
        // More than one batch of Hibernate's batch fetching (16), were formations fetched lazily.
        for (int i = 0; i < 40; i++) {
            newApp();
        }

        assertThat(statementsOfListingApps()).isLessThan(before + 2);
    }

    /**
     * The statements one listing makes when it has to read the database (a new app before each), the least of
     * three: the counter is global, and the gateway's background work (the webhook outbox) may add to one of them.
     */
    private long statementsOfListingApps() {
        Statistics statistics = sessionFactory.getStatistics();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            newApp();
            statistics.clear();
            api().get("/api/v1/apps").then().statusCode(200);
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        return least;
    }

    /** The least of three listings, as above. */
    @Test
    void aListingWithNothingChangedSinceTheLastOneAsksTheDatabaseNothing() {
        newApp();
        api().get("/api/v1/apps").then().statusCode(200);
        Statistics statistics = sessionFactory.getStatistics();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            api().get("/api/v1/apps").then().statusCode(200);
            least = Math.min(least, statistics.getPrepareStatementCount());
        }

        assertThat(least).isZero();
    }

    @Test
    void theListShowsEveryChangeToAnAppOrItsDeploymentsAtOnce() {
        String app = newApp();
        assertThat(listed(app)).isNotNull();

        json(Map.of("web", 2)).put("/api/v1/apps/" + app + "/formation").then().statusCode(200);
        assertThat(listed(app).get("formation")).isEqualTo(Map.of("web", 2));

        json(Map.of("taskTimeoutSeconds", 90))
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(200);
        assertThat(listed(app).get("taskTimeoutSeconds")).isEqualTo(90);

        EngineEvents deployment = deployments.queuedWithEvents(app, "example/web:1");
        assertThat(listed(app).get("latestDeployment")).extracting("status").isEqualTo("QUEUED");

        deployment.succeeds("example/web:1", "slipway/" + app + ":release-1");
        Map<String, Object> released = listed(app);
        assertThat(released.get("latestDeployment")).extracting("status").isEqualTo("SUCCEEDED");
        assertThat(released.get("currentRelease")).extracting("deploymentId").isEqualTo(deployment.id());

        api().delete("/api/v1/apps/" + app).then().statusCode(204);
        assertThat(listed(app)).isNull();
    }

    /** The app as the list shows it, null when it is not listed. */
    private static Map<String, Object> listed(String app) {
        return api().get("/api/v1/apps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.name == '" + app + "' }");
    }

    @Test
    void anEmbeddedEngineHasTheOnePoolDefault() {
        String name = "t-pool-" + System.nanoTime();
        json(Map.of("name", name, "pool", "gpu"))
                .post("/api/v1/apps")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("pool"));
        json(Map.of("name", name, "pool", "default"))
                .post("/api/v1/apps")
                .then()
                .statusCode(201)
                .body("pool", equalTo("default"));
        api().get("/api/v1/apps/" + name).then().body("pool", equalTo("default"));
    }

    @Test
    void aTakenNameIsAConflict() {
        String name = newApp();
        json(Map.of("name", name))
                .post("/api/v1/apps")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("instance", equalTo("/api/v1/apps"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Upper",
                "-leading",
                "trailing-",
                "under_score",
                "dot.ted",
                "",
                "a123456789012345678901234567890123456789012345678901234567890123"
            })
    void aNameMustBeADnsLabel(String name) {
        json(Map.of("name", name))
                .post("/api/v1/apps")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(422));
    }

    @Test
    void aNameIsRequired() {
        json(Map.of()).post("/api/v1/apps").then().statusCode(422).contentType(PROBLEM_JSON);
    }

    @Test
    void anUnknownAppIsNotFound() {
        for (String path : List.of("", "/config", "/formation", "/deployments")) {
            api().get("/api/v1/apps/no-such-app" + path)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("no app named no-such-app"))
                    .body("instance", equalTo("/api/v1/apps/no-such-app" + path));
        }
        api().delete("/api/v1/apps/no-such-app").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anAppShowsItsCurrentReleaseAndLatestDeployment() {
        String app = newApp();
        EngineEvents released = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", "slipway/" + app + ":release-1");
        String failed = deployments
                .queuedWithEvents(app, "example/web:2")
                .started()
                .finished(DeploymentStatus.FAILED, "predeploy: exited with code 1", null)
                .id();

        api().get("/api/v1/apps/" + app)
                .then()
                .statusCode(200)
                .body("currentRelease.deploymentId", equalTo(released.id()))
                .body("currentRelease.image", equalTo("example/web:1"))
                .body("currentRelease.releaseImage", equalTo("slipway/" + app + ":release-1"))
                .body("currentRelease.deployedAt", matchesPattern(ISO_UTC))
                .body("latestDeployment.id", equalTo(failed))
                .body("latestDeployment.status", equalTo("FAILED"));
    }

    @Test
    void deletingAnAppForgetsItAndItsDeployments() {
        String app = newApp();
        String released = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", "slipway/" + app + ":release-1")
                .id();
        json(Map.of("A", "1"))
                .put("/api/v1/apps/" + app + "/config?deploy=false")
                .then()
                .statusCode(200);
        json(Map.of("web", 2))
                .put("/api/v1/apps/" + app + "/formation?deploy=false")
                .then()
                .statusCode(200);

        api().delete("/api/v1/apps/" + app).then().statusCode(204);

        api().get("/api/v1/apps/" + app).then().statusCode(404);
        api().get("/api/v1/deployments/" + released).then().statusCode(404);
        json(Map.of("name", app)).post("/api/v1/apps").then().statusCode(201).body("currentRelease", nullValue());
    }

    @Test
    void anAppNameMustBeAJsonString() {
        json("{\"name\": 123}")
                .post("/api/v1/apps")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("name: expected a string"));
        api().get("/api/v1/apps/123").then().statusCode(404);
        json("{\"name\": [\"shop\"]}")
                .post("/api/v1/apps")
                .then()
                .statusCode(400)
                .body("detail", equalTo("name: expected a string"));
    }
}
