package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-time setup task (app.json {@code scripts.postdeploy}) through the API, run by the embedded engine on a real
 * engine (rootful Podman, as every gateway test; Docker with {@code -Dslipway.runtime=docker
 * -Ddocker.host=...}): the first deployment runs it as SETUP between DEPLOY and POSTDEPLOY, later ones show it
 * skipped, and one that failed is never run again.
 */
@QuarkusTest
class SetupPhaseEndToEndTests {

    private static final String PROCFILE = "web: exec httpd -f -p $PORT -h /\n";

    @TestHTTPResource("/api/v1/deployments/")
    URL deploymentsUrl;

    @Inject
    ContainerRuntime runtime;

    @Inject
    ObjectMapper json;

    @Test
    void theFirstDeploymentRunsSetupAndTheSecondSkipsIt() throws Exception {
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(withAppJson("""
                    {"scripts": {"postdeploy": "echo setup ran for $SLIPWAY_APP in $SLIPWAY_PHASE",
                                 "dokku": {"postdeploy": "echo postdeploy ran"}}}"""));
            String app = newApp();

            String first = deploy(app, image);

            JsonPath firstDeployment = deployment(first);
            assertThat(firstDeployment.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(firstDeployment.getList("phases.phase"))
                    .containsExactly("BUILD", "PREDEPLOY", "RELEASE", "DEPLOY", "SETUP", "POSTDEPLOY");
            assertThat(setup(firstDeployment).get("status")).isEqualTo("SUCCEEDED");
            assertThat(setup(firstDeployment).get("command"))
                    .isEqualTo("echo setup ran for $SLIPWAY_APP in $SLIPWAY_PHASE");
            assertThat(outputOf(first))
                    .containsSubsequence("SETUP: setup ran for " + app + " in setup", "POSTDEPLOY: postdeploy ran");

            json(Map.of("image", image, "dryRun", true))
                    .post("/api/v1/apps/" + app + "/deployments")
                    .then()
                    .statusCode(200)
                    .body("phases.find { it.phase == 'SETUP' }.status", equalTo("SKIPPED"))
                    .body("phases.find { it.phase == 'SETUP' }.reason", equalTo("runs once per app"));

            String second = deploy(app, image);

            JsonPath secondDeployment = deployment(second);
            assertThat(secondDeployment.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(setup(secondDeployment).get("status")).isEqualTo("SKIPPED");
            assertThat(setup(secondDeployment).get("reason")).isEqualTo("runs once per app");
            assertThat(outputOf(second)).noneMatch(line -> line.startsWith("SETUP: setup ran"));

            remove(app, image);
        }
    }

    @Test
    void aFailingSetupFailsItsDeploymentKeepsThePreviousReleaseAndIsNeverRunAgain() throws Exception {
        try (TestImages images = new TestImages(runtime)) {
            String plain = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", PROCFILE));
            String failing = images.build(withAppJson("{\"scripts\": {\"postdeploy\": \"echo seeding && exit 3\"}}"));
            String app = newApp();
            String released = deploy(app, plain);
            assertThat(deployment(released).getString("status")).isEqualTo("SUCCEEDED");
            // That release had no setup task: the mark waits for the first deployment that has one.
            assertThat(setup(deployment(released)).get("reason"))
                    .isEqualTo("no command in app.json scripts.postdeploy");

            String failed = deploy(app, failing);

            JsonPath failedDeployment = deployment(failed);
            assertThat(failedDeployment.getString("status")).isEqualTo("FAILED");
            assertThat(failedDeployment.getString("reason")).isEqualTo("setup: setup exited with code 3");
            assertThat(setup(failedDeployment).get("status")).isEqualTo("FAILED");
            assertThat(setup(failedDeployment).get("exitCode")).isEqualTo(3);
            assertThat(outputOf(failed)).contains("SETUP: seeding");
            api().get("/api/v1/apps/" + app).then().body("currentRelease.deploymentId", equalTo(released));

            String retried = api().post("/api/v1/deployments/" + failed + "/retry")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> api().get("/api/v1/deployments/" + retried).path("status"), equalTo("SUCCEEDED"));

            JsonPath retriedDeployment = deployment(retried);
            assertThat(setup(retriedDeployment).get("status")).isEqualTo("SKIPPED");
            assertThat(setup(retriedDeployment).get("reason")).isEqualTo("runs once per app");
            assertThat(outputOf(retried)).doesNotContain("SETUP: seeding");

            remove(app, failing);
        }
    }

    private static BuildContext withAppJson(String appJson) {
        return BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                .file("app.json", appJson)
                .file("Procfile", PROCFILE);
    }

    private static JsonPath deployment(String id) {
        return api().get("/api/v1/deployments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> setup(JsonPath deployment) {
        return deployment.getMap("phases.find { it.phase == 'SETUP' }");
    }

    /** The deployment's stored output, each line as "PHASE: line". */
    private List<String> outputOf(String id) throws Exception {
        SseReader logs = SseReader.open(deploymentsUrl.toURI().resolve(id + "/logs"));
        assertThat(logs.awaitEnd(Duration.ofMinutes(1))).isEqualTo(200);
        List<String> output = new ArrayList<>();
        for (SseReader.Event event : logs.lines()) {
            JsonNode line = json.readTree(event.data());
            output.add(line.get("phase").asText() + ": " + line.get("line").asText());
        }
        return output;
    }

    /** The engine removes the app's containers in the background; the test image goes once they are gone. */
    private void remove(String app, String image) {
        api().delete("/api/v1/apps/" + app).then().statusCode(204);
        await().atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() ->
                        runtime.listContainers(Map.of(ContainerLabels.APP, app)).isEmpty());
    }
}
