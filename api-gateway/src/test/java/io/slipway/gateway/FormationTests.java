package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scale is checked against the process types of the app's current release when it is set. */
@QuarkusTest
class FormationTests {

    @Inject
    TestDeployments deployments;

    @Test
    void aProcessTypeTheCurrentReleasesProcfileLacksIsRefusedWhenSet() {
        String app = newApp();
        String formation = "/api/v1/apps/" + app + "/formation";
        deployments
                .queuedWithEvents(app, "shop:1")
                .succeeds("shop:1", "shop:1", "web: sleep 60\nworker: sleep 60\nrelease: echo migrate");

        json(Map.of("clock", 1))
                .put(formation)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("clock: process type 'clock' is not in the Procfile of the current release"));
        api().get(formation).then().statusCode(200).body(equalTo("{}"));

        json(Map.of("web", 2, "worker", 3, "clock", 0))
                .put(formation + "?deploy=false")
                .then()
                .statusCode(200)
                .body(equalTo("{\"clock\":0,\"web\":2,\"worker\":3}"));
    }

    @Test
    void withoutAProcfileOnlyWebRunsAndBeforeTheFirstReleaseAnyTypeIsTaken() {
        String app = newApp();
        String formation = "/api/v1/apps/" + app + "/formation";
        json(Map.of("worker", 1)).put(formation).then().statusCode(200);

        deployments.queuedWithEvents(app, "shop:1").succeeds("shop:1", "shop:1", null);

        json(Map.of("worker", 1)).put(formation).then().statusCode(422).contentType(PROBLEM_JSON);
        json(Map.of("web", 2))
                .put(formation + "?deploy=false")
                .then()
                .statusCode(200)
                .body(equalTo("{\"web\":2}"));
    }
}
