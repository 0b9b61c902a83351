package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ManifestValidationTests {

    private static final String VALIDATE = "/api/v1/manifests/validate";

    @Test
    void validManifestsShowTheirTasksProcessesAndWarnings() {
        json(Map.of(
                        "appJson",
                                "{\n  // comments are fine\n  \"name\": \"demo\",\n  \"scripts\": {\"dokku\": {\"predeploy\": \"rake db:migrate\"}, \"postdeploy\": \"rake db:seed\"},\n}",
                        "procfile", "web: bundle exec puma\nworker: sidekiq\nrelease: rake cache:clear\n"))
                .post(VALIDATE)
                .then()
                .statusCode(200)
                .body("tasks.predeploy", equalTo("rake db:migrate"))
                .body("tasks.release", equalTo("rake cache:clear"))
                .body("tasks.postdeploy", nullValue())
                .body("tasks.setup", equalTo("rake db:seed"))
                .body("processes", equalTo(Map.of("web", "bundle exec puma", "worker", "sidekiq")))
                .body("warnings", hasSize(1))
                .body("warnings[0].file", equalTo("app.json"))
                .body("warnings[0].path", equalTo("name"))
                .body("warnings[0].line", equalTo(3));
    }

    @Test
    void absentManifestsAreValidAndDefineNothing() {
        json(Map.of())
                .post(VALIDATE)
                .then()
                .statusCode(200)
                .body("tasks.predeploy", nullValue())
                .body("processes", equalTo(Map.of()))
                .body("warnings", hasSize(0));
    }

    @Test
    void errorsAreListedWithTheirPositions() {
        json(Map.of(
                        "appJson", "{\"scripts\": {\"dokku\": {\"predeploy\": 1}}}",
                        "procfile", "web: run\nnot an entry\n"))
                .post(VALIDATE)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:slipway:problem:invalid-manifest"))
                .body("title", equalTo("Invalid manifest"))
                .body("status", equalTo(422))
                .body("instance", equalTo(VALIDATE))
                .body("errors", hasSize(2))
                .body("errors[0].file", equalTo("app.json"))
                .body("errors[0].line", equalTo(1))
                .body("errors[0].column", equalTo(37))
                .body("errors[0].path", equalTo("scripts.dokku.predeploy"))
                .body("errors[1].file", equalTo("Procfile"))
                .body("errors[1].line", equalTo(2))
                .body("errors[1].path", equalTo(""));
    }

    @Test
    void invalidJsonIsAnErrorWithItsPosition() {
        json(Map.of("appJson", "{\n  \"scripts\": [\n"))
                .post(VALIDATE)
                .then()
                .statusCode(422)
                .body("errors[0].file", equalTo("app.json"))
                .body("errors[0].line", equalTo(3));
    }

    @Test
    void aFormationAboveTheProcessLimitIsAnError() {
        json(Map.of("appJson", "{\"formation\": {\"web\": {\"quantity\": 2147483647}}}"))
                .post("/api/v1/manifests/validate")
                .then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(1))
                .body("errors[0].column", equalTo(36))
                .body("errors[0].path", equalTo("formation.web.quantity"))
                .body("errors[0].message", equalTo("at most 100 containers per process type, not 2147483647"));
    }

    @Test
    void aHealthCheckSchemeCarryingAUrlIsAnErrorNamingIt() {
        json(Map.of(
                        "appJson",
                        "{\"healthchecks\": {\"web\": [{\"path\": \"/\", \"scheme\": \"http://127.0.0.1:2019/config/#\"}]}}"))
                .post(VALIDATE)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors", hasSize(1))
                .body("errors[0].file", equalTo("app.json"))
                .body("errors[0].line", equalTo(1))
                .body("errors[0].column", equalTo(51))
                .body("errors[0].path", equalTo("healthchecks.web[0].scheme"))
                .body(
                        "errors[0].message",
                        equalTo("expected \"http\" or \"https\", found \"http://127.0.0.1:2019/config/#\""));
    }
}
