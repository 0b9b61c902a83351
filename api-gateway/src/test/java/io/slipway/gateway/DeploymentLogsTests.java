package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/deployments/{id}/logs}: stored lines, then live ones, until the deployment ends. */
@QuarkusTest
class DeploymentLogsTests {

    private static final Duration END = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/deployments/")
    URL deploymentsUrl;

    @Inject
    TestDeployments deployments;

    @Inject
    ObjectMapper json;

    @Test
    void storedLinesComeFirstThenLiveOnesUntilTheDeploymentEnds() throws Exception {
        EngineEvents engine = deployments
                .queuedWithEvents(newApp(), "example/web:1")
                .started()
                .log(PhaseName.PREDEPLOY, "stored 1")
                .log(PhaseName.PREDEPLOY, "stored 2");

        SseReader stream = SseReader.open(logsOf(engine.id()));
        await().atMost(END).until(() -> stream.events().size() == 2);
        assertThat(stream.ended()).isFalse();

        engine.log(PhaseName.RELEASE, "live 1")
                .log(PhaseName.POSTDEPLOY, "live 2")
                .finished(DeploymentStatus.SUCCEEDED, null, "x");

        assertThat(stream.awaitEnd(END)).isEqualTo(200);
        assertThat(lines(stream)).containsExactly("stored 1", "stored 2", "live 1", "live 2");
        assertThat(stream.events()).extracting(SseReader.Event::id).containsExactly("2", "3", "4", "5");
        JsonNode first = json.readTree(stream.events().get(0).data());
        assertThat(first.get("phase").asText()).isEqualTo("PREDEPLOY");
        assertThat(first.get("stream").asText()).isEqualTo("STDOUT");
        assertThat(first.get("seq").asLong()).isEqualTo(2);
        assertThat(first.get("line").asText()).isEqualTo("stored 1");
    }

    @Test
    void anEndedDeploymentSendsItsStoredLinesAndCompletes() throws Exception {
        EngineEvents engine = deployments
                .queuedWithEvents(newApp(), "example/web:1")
                .started()
                .log(PhaseName.RELEASE, "one")
                .finished(DeploymentStatus.FAILED, "release: exited with code 1", null);

        SseReader stream = SseReader.open(logsOf(engine.id()));

        assertThat(stream.awaitEnd(END)).isEqualTo(200);
        assertThat(lines(stream)).containsExactly("one");
    }

    @Test
    void aClientThatReconnectsGetsOnlyTheLinesAfterItsLastEventId() throws Exception {
        EngineEvents engine = deployments
                .queuedWithEvents(newApp(), "example/web:1")
                .started()
                .log(PhaseName.PREDEPLOY, "one")
                .log(PhaseName.PREDEPLOY, "two");
        SseReader resumed = SseReader.resume(logsOf(engine.id()), "2");
        await().atMost(END).until(() -> resumed.events().size() == 1);

        engine.log(PhaseName.RELEASE, "three").finished(DeploymentStatus.SUCCEEDED, null, "x");

        assertThat(resumed.awaitEnd(END)).isEqualTo(200);
        assertThat(lines(resumed)).containsExactly("two", "three");
        assertThat(resumed.events()).extracting(SseReader.Event::id).containsExactly("3", "4");
    }

    @Test
    void aLogOfManyPagesComesWholeAndInOrderThenTheLiveLines() throws Exception {
        // More than two pages of stored lines, read as the client takes them.
        int stored = 1234;
        EngineEvents engine =
                deployments.queuedWithEvents(newApp(), "example/web:1").started();
        for (int i = 1; i <= stored; i++) {
            engine.log(PhaseName.PREDEPLOY, "stored " + i);
        }

        SseReader stream = SseReader.open(logsOf(engine.id()));
        await().atMost(END).until(() -> stream.events().size() == stored);
        engine.log(PhaseName.RELEASE, "live").finished(DeploymentStatus.SUCCEEDED, null, "x");

        assertThat(stream.awaitEnd(END)).isEqualTo(200);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= stored; i++) {
            expected.add("stored " + i);
        }
        expected.add("live");
        assertThat(lines(stream)).isEqualTo(expected);
        assertThat(stream.events().get(stored).id()).isEqualTo(Long.toString(stored + 2));
    }

    @Test
    void phaseChangesComeAsPhaseEventsAmongTheLinesInOneNumbering() throws Exception {
        EngineEvents engine = deployments
                .queuedWithEvents(newApp(), "example/web:1")
                .started()
                .phase(PhaseName.PREDEPLOY, PhaseStatus.RUNNING, "echo one", null, null)
                .log(PhaseName.PREDEPLOY, "one");

        SseReader stream = SseReader.open(logsOf(engine.id()));
        await().atMost(END).until(() -> stream.events().size() == 2);
        engine.phase(PhaseName.PREDEPLOY, PhaseStatus.SUCCEEDED, "echo one", 0, null)
                .phase(PhaseName.RELEASE, PhaseStatus.FAILED, "exit 3", 3, "exited with code 3")
                .finished(DeploymentStatus.FAILED, "release: exited with code 3", null);

        assertThat(stream.awaitEnd(END)).isEqualTo(200);
        assertThat(stream.events())
                .extracting(SseReader.Event::name, SseReader.Event::id)
                .containsExactly(tuple("phase", "2"), tuple(null, "3"), tuple("phase", "4"), tuple("phase", "5"));
        JsonNode failed = json.readTree(stream.named("phase").get(2).data());
        assertThat(failed.get("phase").asText()).isEqualTo("RELEASE");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("command").asText()).isEqualTo("exit 3");
        assertThat(failed.get("exitCode").asInt()).isEqualTo(3);
        assertThat(failed.get("reason").asText()).isEqualTo("exited with code 3");
        assertThat(failed.get("seq").asLong()).isEqualTo(5);
        JsonNode line = json.readTree(stream.lines().get(0).data());
        Set<String> lineFields = new HashSet<>();
        line.fieldNames().forEachRemaining(lineFields::add);
        assertThat(lineFields)
                .as("a line keeps its shape")
                .containsExactlyInAnyOrder("phase", "stream", "seq", "line", "at");
    }

    @Test
    void aClientThatReconnectsGetsOnlyThePhaseChangesAndLinesAfterItsLastEventId() throws Exception {
        EngineEvents engine = deployments
                .queuedWithEvents(newApp(), "example/web:1")
                .started()
                .phase(PhaseName.PREDEPLOY, PhaseStatus.RUNNING, "echo one", null, null)
                .log(PhaseName.PREDEPLOY, "one")
                .phase(PhaseName.PREDEPLOY, PhaseStatus.SUCCEEDED, "echo one", 0, null)
                .finished(DeploymentStatus.SUCCEEDED, null, "x");

        SseReader whole = SseReader.open(logsOf(engine.id()));
        SseReader resumed = SseReader.resume(logsOf(engine.id()), "2");

        assertThat(whole.awaitEnd(END)).isEqualTo(200);
        assertThat(whole.events()).extracting(SseReader.Event::id).containsExactly("2", "3", "4");
        assertThat(resumed.awaitEnd(END)).isEqualTo(200);
        assertThat(resumed.events()).extracting(SseReader.Event::id).containsExactly("3", "4");
        assertThat(json.readTree(resumed.named("phase").get(0).data())
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void theStreamIsAnEventStreamAndNeedsTheToken() {
        String id = deployments
                .queuedWithEvents(newApp(), "example/web:1")
                .finished(DeploymentStatus.CANCELLED, "cancelled", null)
                .id();
        Api.api()
                .get("/api/v1/deployments/" + id + "/logs")
                .then()
                .statusCode(200)
                .contentType("text/event-stream");
        given().get("/api/v1/deployments/" + id + "/logs").then().statusCode(401);
    }

    private URI logsOf(String id) throws Exception {
        return deploymentsUrl.toURI().resolve(id + "/logs");
    }

    private List<String> lines(SseReader stream) {
        return stream.lines().stream()
                .map(event -> {
                    try {
                        return json.readTree(event.data()).get("line").asText();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }
}
