package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is a contract clients are generated from: Redocly CLI's recommended rules find neither an
 * error nor a warning in it.
 */
@QuarkusTest
class OpenApiLintTests {

    /** Pinned, so a new release's rules do not change the verdict on an unchanged document. */
    private static final String LINTER = "@redocly/cli@2.77.0";
    /** The first run fetches the linter from the npm registry. */
    private static final long LINT_TIMEOUT_MINUTES = 10;

    @Test
    void theDocumentPassesRedoclysRecommendedRulesWithoutAWarning(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path document = dir.resolve("openapi.json");
        Files.writeString(
                document,
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                UTF_8);
        Path report = dir.resolve("lint.json");
        Path messages = dir.resolve("lint.log");
        Process lint = new ProcessBuilder(List.of(
                        "npx", "--yes", LINTER, "lint", "--extends=recommended", "--format=json", document.toString()))
                .directory(dir.toFile())
                .redirectOutput(report.toFile())
                .redirectError(messages.toFile())
                .start();
        boolean ended = lint.waitFor(LINT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            lint.destroyForcibly();
        }
        String said = Files.readString(messages, UTF_8);
        assertThat(ended)
                .as("the linter ended within %d minutes: %s", LINT_TIMEOUT_MINUTES, said)
                .isTrue();
        JsonNode verdict = new ObjectMapper().readTree(report.toFile());
        assertThat(verdict.path("problems")).as("the linter's problems").isEmpty();
        assertThat(verdict.path("totals").path("errors").asInt(-1)).as("errors").isZero();
        assertThat(verdict.path("totals").path("warnings").asInt(-1))
                .as("warnings")
                .isZero();
        assertThat(lint.exitValue()).as("the linter's exit code: %s", said).isZero();
    }
}
