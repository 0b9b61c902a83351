package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.slipway.runtime.testing.FakeEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A paused engine fails readiness and leaves every endpoint answering; the apps show, within a report of the engine,
 * why their processes' state is unknown.
 */
@QuarkusTest
@TestProfile(HungEngineProfile.class)
class HungEngineTests {

    /** Far above the engine timeout (1 s): a request held by the engine fails instead of hanging the test. */
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    private static RestAssuredConfig previous;

    @BeforeAll
    static void boundEveryRequest() {
        previous = RestAssured.config;
        RestAssured.config = RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", SOCKET_TIMEOUT_MILLIS)
                        .setParam("http.socket.timeout", SOCKET_TIMEOUT_MILLIS));
    }

    @AfterAll
    static void restore() {
        RestAssured.config = previous;
    }

    @BeforeEach
    void pauseTheEngine() {
        FakeEngine.hang(HungEngineProfile.SOCKET);
    }

    @Test
    void readinessReportsTheEngineDown() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'container-engine' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'container-engine' }.data.error", containsString("does not answer"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void appsAnswerWithTheEnginesErrorWithinSecondsInsteadOfWaitingForIt() {
        String app = Api.newApp();

        // The engine's next report (every second here) says that its list call timed out.
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> api().get("/api/v1/apps")
                        .then()
                        .statusCode(200)
                        .body("name", hasItem(app))
                        .body("find { it.name == '" + app + "' }.engineError", containsString("engine")));
        api().get("/api/v1/apps/" + app)
                .then()
                .statusCode(200)
                .body("processes", equalTo(List.of()))
                .body("engineError", containsString("engine"));
    }

    @Test
    void manyAppListsStarveNeitherDatabaseEndpointsNorLiveness() {
        String app = Api.newApp();
        String token = Api.token();
        int lists = HungEngineProfile.WORKER_THREADS * 2;
        ExecutorService clients = Executors.newFixedThreadPool(lists);
        try {
            List<CompletableFuture<Integer>> listed = IntStream.range(0, lists)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> given().header("Authorization", "Bearer " + token)
                                    .get("/api/v1/apps")
                                    .statusCode(),
                            clients))
                    .toList();

            given().get("/q/health/live").then().statusCode(200);
            api().get("/api/v1/apps/" + app + "/config").then().statusCode(200);
            assertThat(listed).allSatisfy(status -> assertThat(status.join()).isEqualTo(200));
        } finally {
            clients.shutdownNow();
        }
    }
}
