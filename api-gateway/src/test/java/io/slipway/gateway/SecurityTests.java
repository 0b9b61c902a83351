package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SecurityTests {

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
    @ValueSource(strings = {"/q/health", "/q/openapi", "/q/metrics", "/", "/app.js"})
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
}
