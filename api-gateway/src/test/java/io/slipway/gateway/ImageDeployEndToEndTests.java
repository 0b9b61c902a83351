package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static io.slipway.gateway.Api.startDeployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
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
 * A whole deployment through the API, run by the embedded engine on the real rootful Podman: an
 * image with app.json and a Procfile in /app, the app's config and formation applied, the output
 * followed over the logs stream to the end.
 */
@QuarkusTest
class ImageDeployEndToEndTests {

    @TestHTTPResource("/api/v1/deployments/")
    URL deploymentsUrl;

    @Inject
    ContainerRuntime runtime;

    @Inject
    ObjectMapper json;

    @Test
    void anImageIsDeployedThroughEveryPhaseWithItsOutputInOrder() throws Exception {
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                    .file("app.json", """
                            {"scripts": {"dokku": {
                              "predeploy": "echo predeploy says $GREETING && touch /app/predeployed",
                              "postdeploy": "echo postdeploy ran"}}}""")
                    .file("Procfile", """
                            web: exec httpd -f -p $PORT -h /
                            release: test -f /app/predeployed && echo release sees the predeploy commit
                            """));
            String app = newApp();
            json(Map.of("GREETING", "hello"))
                    .put("/api/v1/apps/" + app + "/config")
                    .then()
                    .statusCode(200);
            json(Map.of("web", 2))
                    .put("/api/v1/apps/" + app + "/formation")
                    .then()
                    .statusCode(200);

            String id = startDeployment(app, image);
            SseReader logs = SseReader.open(deploymentsUrl.toURI().resolve(id + "/logs"));

            assertThat(logs.awaitEnd(Duration.ofMinutes(2))).isEqualTo(200);
            List<String> output = new ArrayList<>();
            for (SseReader.Event event : logs.lines()) {
                JsonNode line = json.readTree(event.data());
                output.add(line.get("phase").asText() + ": " + line.get("line").asText());
            }
            assertThat(output)
                    .containsSubsequence(
                            "PREDEPLOY: predeploy says hello",
                            "RELEASE: release sees the predeploy commit",
                            "POSTDEPLOY: postdeploy ran");
            List<String> phaseChanges = new ArrayList<>();
            for (SseReader.Event event : logs.named("phase")) {
                JsonNode change = json.readTree(event.data());
                phaseChanges.add(change.get("phase").asText() + " "
                        + change.get("status").asText());
            }
            assertThat(phaseChanges)
                    .as("the stream tells each phase's progress as it happens")
                    .containsSubsequence(
                            "BUILD SKIPPED",
                            "PREDEPLOY RUNNING",
                            "PREDEPLOY SUCCEEDED",
                            "RELEASE RUNNING",
                            "RELEASE SUCCEEDED",
                            "DEPLOY RUNNING",
                            "DEPLOY SUCCEEDED",
                            "POSTDEPLOY RUNNING",
                            "POSTDEPLOY SUCCEEDED");

            api().get("/api/v1/deployments/" + id)
                    .then()
                    .body("status", equalTo("SUCCEEDED"))
                    .body("image", equalTo(image))
                    .body("releaseImage", equalTo("slipway/" + app + ":release-" + id))
                    .body(
                            "phases.status",
                            equalTo(List.of("SKIPPED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SKIPPED", "SUCCEEDED")));
            api().get("/api/v1/apps/" + app)
                    .then()
                    .body("currentRelease.deploymentId", equalTo(id))
                    .body("processes", hasSize(2))
                    .body("processes.type", everyItem(equalTo("web")))
                    .body("processes.state", everyItem(equalTo("RUNNING")));

            api().delete("/api/v1/apps/" + app).then().statusCode(204);
            // The engine removes the app's containers and release image in the background; the test
            // image can only go once the release image built on it is gone. Listing may fail while a
            // listed container is being removed.
            await().atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> runtime.listContainers(Map.of(ContainerLabels.APP, app))
                                    .isEmpty()
                            && runtime.inspectImage("slipway/" + app + ":release-" + id)
                                    .isEmpty());
        }
    }

    @Test
    void theEnginesReportShowsTheNewProcessOnTheFirstReadAfterTheEndAndItsLaterStopWithinAReport() {
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", "web: exec httpd -f -p $PORT -h /\n"));
            String app = newApp();
            String id = json(Map.of("image", image))
                    .post("/api/v1/apps/" + app + "/deployments")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> api().get("/api/v1/deployments/" + id).path("status"), equalTo("SUCCEEDED"));

            ContainerInfo web = runtime.listContainers(ContainerLabels.processesOf(app)).stream()
                    .filter(container -> container.state() == ContainerState.RUNNING)
                    .findFirst()
                    .orElseThrow();
            api().get("/api/v1/apps/" + app)
                    .then()
                    .statusCode(200)
                    .body("engineError", equalTo(null))
                    .body("processes", hasSize(1))
                    .body("processes[0].containerId", equalTo(web.id()))
                    .body("processes[0].name", equalTo(web.name()))
                    .body("processes[0].type", equalTo("web"))
                    .body("processes[0].deploymentId", equalTo(id))
                    .body("processes[0].state", equalTo("RUNNING"))
                    .body("processes[0].address", equalTo(web.address().orElseThrow()))
                    .body("processes[0].address", matchesPattern("127\\.0\\.0\\.1:[0-9]+"));

            // Nothing of Slipway stops it: only the engine's next report can tell.
            runtime.stopContainer(web.id(), Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> api().get("/api/v1/apps/" + app)
                            .then()
                            .body("processes[0].containerId", equalTo(web.id()))
                            .body("processes[0].state", equalTo("EXITED")));

            api().delete("/api/v1/apps/" + app).then().statusCode(204);
            await().atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> runtime.listContainers(Map.of(ContainerLabels.APP, app))
                                    .isEmpty()
                            && runtime.inspectImage("slipway/" + app + ":release-" + id)
                                    .isEmpty());
        }
    }
}
