package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.slipway.runtime.testing.TestEngines;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Remote mode with the broker away: a request that needs it is refused with a 503 problem instead of hanging, and
 * leaves nothing that looks accepted; what needs only the database keeps working.
 */
@QuarkusTest
@TestProfile(UnreachableBrokerProfile.class)
class UnreachableBrokerTests {

    /** A hung request fails the test instead of blocking the suite. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 60_000)
                    .setParam("http.connection.timeout", 5_000));

    @Test
    void aDeployIsRefusedWith503AndEndsNotQueued() {
        String app = newApp();

        String detail = json(Map.of("image", TestEngines.baseImage()))
                .config(BOUNDED)
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(503)
                .contentType(Api.PROBLEM_JSON)
                .extract()
                .path("detail");

        org.assertj.core.api.Assertions.assertThat(detail).contains("refused the command");
        api().get("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("FAILED"))
                .body("[0].reason", startsWith("not queued: "));
    }

    @Test
    void readinessNamesTheBrokerDown() {
        given().config(BOUNDED)
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'broker' }.status", equalTo("DOWN"));
    }
}
