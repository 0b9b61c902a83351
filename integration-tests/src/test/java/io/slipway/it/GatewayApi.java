package io.slipway.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REST API of one packaged gateway, as the integration tests call it. */
record GatewayApi(GatewayProcess gateway) {

    RequestSpecification request() {
        return given().baseUri(gateway.uri().toString())
                .header("Authorization", "Bearer " + GatewayProcess.TOKEN)
                .contentType(ContentType.JSON);
    }

    void createApp(String name, Optional<String> pool) {
        Map<String, String> body =
                pool.map(p -> Map.of("name", name, "pool", p)).orElse(Map.of("name", name));
        request().body(body).post("/api/v1/apps").then().statusCode(201);
    }

    String deploy(String app, String image) {
        return request()
                .body(Map.of("image", image))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    JsonPath awaitEnd(String deploymentId) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> deployment(deploymentId), d -> d.getString("finishedAt") != null);
    }

    JsonPath deployment(String deploymentId) {
        Response response = request().get("/api/v1/deployments/" + deploymentId);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    static String phaseStatus(JsonPath deployment, String phase) {
        return deployment.getString("phases.find { it.phase == '" + phase + "' }.status");
    }

    String currentRelease(String app) {
        return request().get("/api/v1/apps/" + app).then().extract().path("currentRelease.deploymentId");
    }

    URI logs(String deploymentId) {
        return gateway.uri().resolve("/api/v1/deployments/" + deploymentId + "/logs");
    }

    List<String> storedLines(String deploymentId) throws Exception {
        return LogFollower.follow(logs(deploymentId), GatewayProcess.TOKEN, Optional.empty()).stream()
                .map(LogFollower.Line::line)
                .toList();
    }

    /**
     * Deploys each app twice at once, alternating between the apps and, when given two, between the gateways;
     * all succeed, and each app's second deployment starts only after its first ended, by the stored times.
     */
    static void eachAppDeployedTwiceAtOnceInTheOrderRequested(
            List<GatewayApi> gateways, Map<String, String> imageByApp) {
        Map<String, List<String>> deploys = new java.util.LinkedHashMap<>();
        int turn = 0;
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, String> app : imageByApp.entrySet()) {
                GatewayApi gateway = gateways.get(turn++ % gateways.size());
                deploys.computeIfAbsent(app.getKey(), name -> new ArrayList<>())
                        .add(gateway.deploy(app.getKey(), app.getValue()));
            }
        }
        for (List<String> ofOneApp : deploys.values()) {
            JsonPath earlier = gateways.get(0).awaitEnd(ofOneApp.get(0));
            JsonPath later = gateways.get(gateways.size() - 1).awaitEnd(ofOneApp.get(1));
            assertThat(earlier.getString("status")).as(earlier.prettify()).isEqualTo("SUCCEEDED");
            assertThat(later.getString("status")).as(later.prettify()).isEqualTo("SUCCEEDED");
            assertThat(Instant.parse(later.getString("startedAt")))
                    .as("the app's second deployment starts after its first ended")
                    .isAfterOrEqualTo(Instant.parse(earlier.getString("finishedAt")));
        }
    }
}
