package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory and CPU limits per app: set, bounded and shown by the API, and enforced by rootful Podman. */
@QuarkusTest
class LimitsTests {

    private static final String LIMITS = """
            {"limits": {"task": {"memory": "256m", "cpus": 0.5},
                        "processes": {"web": {"memory": "524288k", "cpus": 1}}}}""";

    @Inject
    ContainerRuntime runtime;

    @Test
    void limitsAreStoredNormalisedAndLeftAloneByOtherSettings() {
        String app = "/api/v1/apps/" + newApp();
        json(LIMITS)
                .patch(app)
                .then()
                .statusCode(200)
                .body("limits.task.memory", equalTo("256m"))
                .body("limits.task.cpus", equalTo(0.5f))
                .body("limits.processes.web.memory", equalTo("512m"))
                .body("limits.processes.web.cpus", equalTo(1));
        json(Map.of("taskTimeoutSeconds", 60))
                .patch(app)
                .then()
                .statusCode(200)
                .body("taskTimeoutSeconds", equalTo(60))
                .body("limits.task.memory", equalTo("256m"));
        json("{\"limits\": null}")
                .patch(app)
                .then()
                .statusCode(200)
                .body("limits", nullValue())
                .body("taskTimeoutSeconds", equalTo(60));
    }

    @Test
    void limitsOutOfBoundsAreRefusedNamingTheField() {
        String app = "/api/v1/apps/" + newApp();
        json("{\"limits\": {\"task\": {\"memory\": \"2t\"}}}")
                .patch(app)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("memory: a number of bytes with k, m or g, like 256m, not 2t"));
        json("{\"limits\": {\"task\": {\"memory\": \"1m\"}}}").patch(app).then().statusCode(422);
        json("{\"limits\": {\"task\": {\"cpus\": 0}}}")
                .patch(app)
                .then()
                .statusCode(422)
                .body("detail", equalTo("cpus: from 0.01 to 1024, not 0"));
        json("{\"limits\": {\"processes\": {\"we b\": {\"cpus\": 1}}}}")
                .patch(app)
                .then()
                .statusCode(422);
        api().get(app).then().body("limits", nullValue());
    }

    @Test
    void aTaskOverItsMemoryLimitFailsItsPhaseOutOfMemory() {
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                    .file("app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"exec tail /dev/zero\"}}}")
                    .file("Procfile", "web: exec httpd -f -p $PORT -h /tmp\n"));
            String app = newApp();
            json("{\"limits\": {\"task\": {\"memory\": \"32m\"}}}")
                    .patch("/api/v1/apps/" + app)
                    .then()
                    .statusCode(200);

            String id = deploy(app, image);

            api().get("/api/v1/deployments/" + id)
                    .then()
                    .body("status", equalTo("FAILED"))
                    .body("reason", equalTo("predeploy: out of memory"))
                    .body("phases[1].status", equalTo("FAILED"))
                    .body("phases[1].reason", equalTo("out of memory"));
            api().delete("/api/v1/apps/" + app).then().statusCode(204);
        }
    }
}
