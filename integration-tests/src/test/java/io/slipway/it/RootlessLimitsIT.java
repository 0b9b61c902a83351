package io.slipway.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slipway.runtime.testing.TestEngines;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway on rootless Podman, which on cgroup v1 cannot hold containers to memory or CPU limits: the API
 * refuses them with 422 rather than ignoring them, and the app's other settings still change.
 */
class RootlessLimitsIT {

    private static GatewayProcess gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new GatewayProcess(TestEngines.named("podman-rootless"))
                // Another test's gateway may share this engine; this one only reads it.
                .with("SLIPWAY_PIPELINE_REMOVE_LEFTOVERS_ON_START", "false");
        gateway.start();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        gateway.stop();
    }

    @Test
    void limitsTheEngineCannotEnforceAreRefused() {
        String app = "rootless-" + UUID.randomUUID().toString().substring(0, 8);
        api().body("{\"name\": \"" + app + "\"}").post("/api/v1/apps").then().statusCode(201);

        api().body("{\"limits\": {\"task\": {\"memory\": \"256m\"}}}")
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("the engine cannot enforce memory or CPU limits"))
                .body("detail", containsString("rootless"));
        api().body("{\"taskTimeoutSeconds\": 30, \"limits\": null}")
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(200)
                .body("taskTimeoutSeconds", equalTo(30))
                .body("limits", nullValue());
    }

    private static RequestSpecification api() {
        return given().baseUri(gateway.uri().toString())
                .header("Authorization", "Bearer " + GatewayProcess.TOKEN)
                .contentType(ContentType.JSON);
    }
}
