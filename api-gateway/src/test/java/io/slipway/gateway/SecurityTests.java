package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SecurityTests {

    private static final Pattern UNAUTHENTICATED =
            Pattern.compile("^slipway_unauthenticated_requests_total(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/apps", "/api/v1/deployments/x", "/api/v1/no-such-endpoint", "/api"})
    void everyApiCallNeedsTheToken(String path) {
        given().get(path)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"slipway\"")
                .body("title", equalTo("Unauthorized"))
                .body("instance", equalTo(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Basic c2xpcHdheTp4", "Bearer", "bearer"})
    void anyOtherCredentialIsRefused(String authorization) {
        given().header("Authorization", authorization)
                .get("/api/v1/apps")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer " + token())
                .get("/api/v1/apps")
                .then()
                .statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/openapi", "/q/metrics", "/", "/ui/app.js", "/favicon.svg"})
    void operationsAndTheWebUiStayOpen(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void theGeneratedTokenAndTheDataDirectoryAreOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Api.TOKEN_FILE)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Api.DATA_DIR)))
                .isEqualTo("rwx------");
    }

    /** Without the token an unknown API path is a 401 like any other; with it, a 404. */
    @Test
    void withTheTokenAnUnknownApiPathIsNotFound() {
        Api.api()
                .get("/api/v1/no-such-endpoint")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("instance", equalTo("/api/v1/no-such-endpoint"));
    }

    /**
     * A path under a known resource that is no endpoint, or a method or media type an endpoint does not take, tells
     * without the token as little as an unknown path: a 401.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/v1/apps/some-app/no-such-endpoint",
                "GET /api/v1/deployments/some-id/no-such-endpoint",
                "GET /api/v1/apps/some-app/webhooks/some-id/no-such-endpoint",
                "PUT /api/v1/apps",
                "POST /api/v1/apps/some-app/formation"
            })
    void withoutTheTokenNoPathUnderAKnownResourceSaysItExists(String request) {
        String[] methodAndPath = request.split(" ");
        given().contentType("text/plain")
                .body("x")
                .request(methodAndPath[0], methodAndPath[1])
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"slipway\"");
    }

    /** With the token, the same requests get the answers that name what is wrong. */
    @Test
    void withTheTokenAPathUnderAKnownResourceIsNotFoundAndAMissingMethodNotAllowed() {
        Api.api().get("/api/v1/apps/some-app/no-such-endpoint").then().statusCode(404);
        Api.api().contentType("text/plain").body("x").put("/api/v1/apps").then().statusCode(405);
    }

    /** HTTP/1.0 needs no Host header; the refusal must not need one either. */
    @Test
    void anHttp10RequestWithoutHostIsRefusedWithAProblem() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/apps HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.0 401");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer).contains("\"instance\":\"/api/v1/apps\"");
        }
    }

    /** Only API endpoints read the Authorization header: a stale one never closes an open path. */
    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/"})
    void aWrongTokenDoesNotCloseTheOpenPaths(String path) {
        given().header("Authorization", "Bearer wrong").get(path).then().statusCode(200);
    }

    @Test
    void theGatewayListensOnLoopbackByDefault() {
        assertThat(host).isEqualTo("127.0.0.1");
    }

    /** Random paths must not use up the URI tags: later requests would go unmeasured. */
    @Test
    void unauthenticatedRequestsAreCountedWithoutTaggingTheirPaths() {
        double before = unauthenticatedCount();
        List<String> randoms = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String random = UUID.randomUUID().toString();
            randoms.add(random);
            given().get("/api/v1/" + random + "/" + i).then().statusCode(401);
        }
        String app = Api.newApp();
        Api.api().get("/api/v1/apps/" + app + "/formation").then().statusCode(200);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/apps/\\{app}/formation\"");
        assertThat(randoms).noneMatch(metrics::contains);
        assertThat(unauthenticatedCount()).isEqualTo(before + 150);
    }

    private static double unauthenticatedCount() {
        Matcher counter = UNAUTHENTICATED.matcher(
                given().get("/q/metrics").then().extract().asString());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
