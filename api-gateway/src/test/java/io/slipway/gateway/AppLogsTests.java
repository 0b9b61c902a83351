package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.engine.logs.AppLogReads;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An app's logs through the API, read by the embedded engine from the real rootful Podman: a web and a worker
 * process that keep printing, tail, since, type, follow, a redeploy the stream moves across, and the 400s and 404.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppLogsTests {

    private static final Duration STREAM = Duration.ofSeconds(60);

    @TestHTTPResource("/api/v1/apps/")
    URL appsUrl;

    @Inject
    ContainerRuntime runtime;

    @Inject
    ObjectMapper json;

    @Inject
    AppLogReads reads;

    private TestImages images;
    private String image;
    private String app;
    private String firstDeployment;

    /** In the first test rather than before all: the test port is known to the client only within a test. */
    @BeforeEach
    void deployAnAppThatPrints() {
        if (app != null) {
            return;
        }
        images = new TestImages(runtime);
        image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                .file("Procfile", """
                        web: httpd -p $PORT -h / && i=0 && while true; do i=$((i+1)); echo "tick $i"; echo "oops $i" >&2; sleep 0.2; done
                        worker: i=0; while true; do i=$((i+1)); echo "work $i"; sleep 0.2; done
                        """));
        app = newApp();
        json(Map.of("web", 1, "worker", 1))
                .put("/api/v1/apps/" + app + "/formation")
                .then()
                .statusCode(200);
        firstDeployment = deploy(app, image);
        api().get("/api/v1/deployments/" + firstDeployment).then().body("status", equalTo("SUCCEEDED"));
    }

    @AfterAll
    void removeTheImage() {
        runtime.listContainers(ContainerLabels.allOf(app))
                .forEach(container -> runtime.removeContainer(container.id()));
        images.close();
    }

    @Test
    @Order(7)
    void theLogsOfADeletedAppAreA404() {
        api().delete("/api/v1/apps/" + app).then().statusCode(204);

        api().get("/api/v1/apps/" + app + "/logs").then().statusCode(404).contentType(Api.PROBLEM_JSON);
        await().atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> runtime.listContainers(ContainerLabels.allOf(app)).isEmpty());
    }

    @Test
    @Order(1)
    void aFollowedStreamStartsWithTheTailThenGoesOnLiveTaggedWithItsProcess() throws Exception {
        ContainerInfo web = running("web").get(0);
        SseReader logs = SseReader.open(logsOf("?tail=4&type=web"));

        await().atMost(STREAM).until(() -> logs.lines().size() >= 20);
        List<JsonNode> lines = parsed(logs.lines());
        JsonNode first = lines.get(0);
        assertThat(first.path("process").asText()).isEqualTo("web.1");
        assertThat(first.path("type").asText()).isEqualTo("web");
        assertThat(first.path("containerId").asText()).isEqualTo(web.id());
        assertThat(first.path("deploymentId").asText()).isEqualTo(firstDeployment);
        assertThat(Instant.parse(first.path("at").asText())).isBefore(Instant.now());
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.path("process").asText()).isEqualTo("web.1"));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("stream").asText()).isEqualTo("STDERR");
            assertThat(line.path("line").asText()).startsWith("oops ");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("stream").asText()).isEqualTo("STDOUT");
            assertThat(line.path("line").asText()).startsWith("tick ");
        });
        // The tail of a long-running process is its last lines, not its first ones.
        assertThat(lines.stream().map(line -> line.path("line").asText())).doesNotContain("tick 1", "oops 1");
        assertThat(logs.ended()).isFalse();
    }

    @Test
    @Order(2)
    void aReadWithoutFollowSendsTheTailAndEnds() throws Exception {
        SseReader logs = SseReader.open(logsOf("?tail=3&follow=false&type=worker"));

        assertThat(logs.awaitEnd(STREAM)).isEqualTo(200);
        List<JsonNode> lines = parsed(logs.lines());
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("process").asText()).isEqualTo("worker.1");
            assertThat(line.path("line").asText()).startsWith("work ");
        });
        assertThat(logs.named("error")).isEmpty();
    }

    @Test
    @Order(3)
    void sinceLeavesOutWhatWasPrintedBefore() throws Exception {
        SseReader before = SseReader.open(logsOf("?tail=10000&follow=false&type=worker"));
        before.awaitEnd(STREAM);
        List<JsonNode> earlier = parsed(before.lines());
        JsonNode middle = earlier.get(earlier.size() / 2);
        Instant since = Instant.parse(middle.path("at").asText());

        SseReader after = SseReader.open(logsOf("?tail=10000&follow=false&type=worker&since=" + since));

        assertThat(after.awaitEnd(STREAM)).isEqualTo(200);
        List<String> lines = parsed(after.lines()).stream()
                .peek(line ->
                        assertThat(Instant.parse(line.path("at").asText())).isAfterOrEqualTo(since))
                .map(line -> line.path("line").asText())
                .toList();
        // Podman stamps whole seconds: the lines of since's second before it are there too, nothing earlier.
        assertThat(lines).contains(middle.path("line").asText()).doesNotContain("work 1");
        assertThat(lines.size()).isLessThan(earlier.size());
    }

    @Test
    @Order(6)
    void aRedeployMovesTheStreamToTheNewContainersAfterAReleaseEventAndNoLineComesTwice() throws Exception {
        SseReader logs = SseReader.open(logsOf("?tail=0"));
        await().atMost(STREAM).until(() -> logs.lines().size() >= 5);

        String second = deploy(app, image);
        api().get("/api/v1/deployments/" + second).then().body("status", equalTo("SUCCEEDED"));

        await().atMost(STREAM).until(() -> !logs.named("release").isEmpty());
        assertThat(json.readTree(logs.named("release").get(0).data())
                        .path("deploymentId")
                        .asText())
                .isEqualTo(second);
        Set<String> newContainers = new HashSet<>();
        runtime.listContainers(ContainerLabels.processesOf(app)).stream()
                .filter(container -> second.equals(container.labels().get(ContainerLabels.DEPLOYMENT)))
                .forEach(container -> newContainers.add(container.id()));
        assertThat(newContainers).hasSize(2);
        await().atMost(STREAM)
                .until(() -> parsed(logs.lines()).stream()
                                .filter(line -> newContainers.contains(
                                        line.path("containerId").asText()))
                                .map(line -> line.path("process").asText())
                                .distinct()
                                .count()
                        == 2);
        assertThat(parsed(logs.lines()))
                .filteredOn(
                        line -> newContainers.contains(line.path("containerId").asText()))
                .allSatisfy(
                        line -> assertThat(line.path("deploymentId").asText()).isEqualTo(second));
        List<String> seen = parsed(logs.lines()).stream()
                .map(line -> line.path("containerId").asText() + " "
                        + line.path("stream").asText() + " " + line.path("line").asText())
                .toList();
        assertThat(seen).doesNotHaveDuplicates();
        firstDeployment = second;
    }

    @Test
    @Order(5)
    void followersOfOneContainerShareOneEngineReadEachWithItsOwnTailAndNoLineTwice() throws Exception {
        SseReader live = SseReader.open(logsOf("?tail=0&type=web"));
        await().atMost(STREAM).until(() -> live.lines().size() >= 4);
        List<Integer> seenLive = numbers(parsed(live.lines()), "STDOUT", "tick ");
        int reached = seenLive.get(seenLive.size() - 1);
        SseReader withTail = SseReader.open(logsOf("?tail=6&type=web"));

        await().atMost(STREAM).until(() -> withTail.lines().size() >= 30);
        // Every follower of the web container (the first test's one too) is served by one engine read.
        assertThat(reads.sharedEngineReads()).isEqualTo(1);
        for (SseReader follower : List.of(live, withTail)) {
            List<JsonNode> lines = parsed(follower.lines());
            consecutive(numbers(lines, "STDOUT", "tick "));
            consecutive(numbers(lines, "STDERR", "oops "));
        }
        // Its own tail first: lines printed before it opened.
        assertThat(numbers(parsed(withTail.lines()), "STDOUT", "tick ").get(0)).isLessThanOrEqualTo(reached);
        assertThat(withTail.named("error")).isEmpty();
    }

    private static List<Integer> numbers(List<JsonNode> lines, String stream, String prefix) {
        return lines.stream()
                .filter(line -> line.path("stream").asText().equals(stream))
                .map(line -> line.path("line").asText())
                .filter(line -> line.startsWith(prefix))
                .map(line -> Integer.parseInt(line.substring(prefix.length())))
                .toList();
    }

    /** Each number once, none left out. */
    private static void consecutive(List<Integer> numbers) {
        assertThat(numbers).isNotEmpty();
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i))
                    .as("after %d in %s", numbers.get(i - 1), numbers)
                    .isEqualTo(numbers.get(i - 1) + 1);
        }
    }

    @Test
    @Order(4)
    void badQueriesAre400ProblemsAndAnUnknownAppA404() throws Exception {
        for (String query : List.of(
                "?tail=10001",
                "?tail=-1",
                "?tail=many",
                "?since=yesterday",
                "?since=2026-13-01T00:00:00Z",
                "?follow=maybe",
                "?type=no%20such")) {
            api().get("/api/v1/apps/" + app + "/logs" + query)
                    .then()
                    .statusCode(400)
                    .contentType(Api.PROBLEM_JSON);
        }
        api().get("/api/v1/apps/" + app + "/logs?tail=10001").then().body("detail", containsString("tail"));
        api().get("/api/v1/apps/no-such-app/logs").then().statusCode(404).contentType(Api.PROBLEM_JSON);
        SseReader highest = SseReader.open(logsOf("?tail=10000&follow=false&type=worker"));
        assertThat(highest.awaitEnd(STREAM)).isEqualTo(200);
    }

    private List<ContainerInfo> running(String type) {
        return runtime.listContainers(ContainerLabels.processesOf(app)).stream()
                .filter(container -> container.state() == ContainerState.RUNNING)
                .filter(container -> type.equals(container.labels().get(ContainerLabels.PROCESS_TYPE)))
                .toList();
    }

    private URI logsOf(String query) throws Exception {
        return appsUrl.toURI().resolve(app + "/logs" + query);
    }

    private List<JsonNode> parsed(List<SseReader.Event> events) {
        return events.stream()
                .map(event -> {
                    try {
                        return json.readTree(event.data());
                    } catch (Exception e) {
                        throw new AssertionError(event.data(), e);
                    }
                })
                .toList();
    }
}
