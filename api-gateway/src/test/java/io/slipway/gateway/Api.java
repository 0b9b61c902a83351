package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls to the API under test, with the token the gateway generated in its test data directory. */
final class Api {

    /** {@code %test.slipway.data-dir}, seen from the module directory that surefire runs in. */
    static final Path DATA_DIR = Path.of("target/slipway-test-data");

    static final Path TOKEN_FILE = DATA_DIR.resolve("api-token");
    static final String PROBLEM_JSON = "application/problem+json";

    private Api() {}

    static String token() {
        try {
            return Files.readString(TOKEN_FILE).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request carrying the token. */
    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token());
    }

    static RequestSpecification json(Object body) {
        return api().contentType(ContentType.JSON).body(body);
    }

    /** Creates an app with a fresh name and returns the name. */
    static String newApp() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        json(Map.of("name", name)).post("/api/v1/apps").then().statusCode(201);
        return name;
    }

    /** Starts an image deployment of {@code image} and returns its id, the deployment still queued. */
    static String startDeployment(String app, String image) {
        return json(Map.of("image", image))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /**
     * Deploys {@code image} and returns the deployment's id once it has ended, whichever way: the
     * test asserts how. Two minutes bound a deployment of a test image on a loaded machine.
     */
    static String deploy(String app, String image) {
        String id = startDeployment(app, image);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !List.of("QUEUED", "RUNNING")
                        .contains(api().get("/api/v1/deployments/" + id).path("status")));
        return id;
    }
}
