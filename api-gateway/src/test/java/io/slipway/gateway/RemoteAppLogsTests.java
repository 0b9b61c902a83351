package io.slipway.gateway;

import static io.slipway.gateway.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.LogStream;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * App logs in remote mode on the real Kafka, the test playing the pool's worker: the gateway asks on the pool's log
 * topic and never reads an engine, serves what the worker sends on the log topic, renews the read, and ends a stream
 * no worker answers or whose worker reports a failure.
 */
@QuarkusTest
@TestProfile(RemoteModeProfile.class)
class RemoteAppLogsTests {

    private static final String POOL = "l-" + RemoteModeProfile.RUN;
    private static final String REQUESTS = AppLogChannels.requestsTopic(POOL);
    private static final Duration STREAM = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/api/v1/apps/")
    URL appsUrl;

    @AfterAll
    static void removeTheRunsTopics() throws Exception {
        Broker.deleteTopics(List.of(REQUESTS));
    }

    private static String newAppInPool() {
        String name = "r-" + UUID.randomUUID().toString().substring(0, 8);
        json(Map.of("name", name, "pool", POOL)).post("/api/v1/apps").then().statusCode(201);
        return name;
    }

    @Test
    void theGatewayAsksThePoolAndStreamsWhatItsWorkerSendsThenItsFailure() throws Exception {
        String app = newAppInPool();

        SseReader logs =
                SseReader.open(appsUrl.toURI().resolve(app + "/logs?tail=7&type=web&since=2026-12-01T10:00:00Z"));

        // The gateway's first request to the pool makes its topic.
        await().atMost(STREAM).ignoreExceptions().until(() -> Broker.partitions(REQUESTS) > 0);
        ConsumerRecord<String, String> asked =
                Broker.awaitRecord(REQUESTS, record -> record.value().contains("\"" + app + "\""));
        JsonNode follow = json.readTree(asked.value());
        String requestId = follow.path("requestId").asText();
        assertThat(asked.key()).isEqualTo(requestId);
        assertThat(follow.path("type").asText()).isEqualTo("follow");
        assertThat(follow.path("tail").asInt()).isEqualTo(7);
        assertThat(follow.path("processType").asText()).isEqualTo("web");
        assertThat(follow.path("follow").asBoolean()).isTrue();
        assertThat(Instant.parse(follow.path("since").asText())).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        Instant at = Instant.parse("2026-12-06T10:00:00.123456789Z");
        worker(requestId, new AppLogEvent.Opened(requestId));
        worker(requestId, new AppLogEvent.Line(requestId, "web.1", "web", "c1", "d1", LogStream.STDOUT, "hello", at));
        worker(requestId, new AppLogEvent.Release(requestId, "d2"));
        worker(requestId, new AppLogEvent.Line(requestId, "web.1", "web", "c2", "d2", LogStream.STDERR, "again", at));
        // Another gateway's read on the same topic is none of this stream's.
        worker("other", new AppLogEvent.Line("other", "web.1", "web", "c9", "d9", LogStream.STDOUT, "not ours", at));

        await().atMost(STREAM).until(() -> logs.lines().size() >= 2);
        JsonNode hello = json.readTree(logs.lines().get(0).data());
        assertThat(hello.path("process").asText()).isEqualTo("web.1");
        assertThat(hello.path("type").asText()).isEqualTo("web");
        assertThat(hello.path("containerId").asText()).isEqualTo("c1");
        assertThat(hello.path("deploymentId").asText()).isEqualTo("d1");
        assertThat(hello.path("stream").asText()).isEqualTo("STDOUT");
        assertThat(hello.path("line").asText()).isEqualTo("hello");
        assertThat(hello.path("at").asText()).isEqualTo("2026-12-06T10:00:00.123456789Z");
        assertThat(json.readTree(logs.named("release").get(0).data())
                        .path("deploymentId")
                        .asText())
                .isEqualTo("d2");
        assertThat(json.readTree(logs.lines().get(1).data()).path("stream").asText())
                .isEqualTo("STDERR");
        // The read is renewed while the client stays, on the same key as its start.
        ConsumerRecord<String, String> renewal = Broker.awaitRecord(
                REQUESTS,
                record -> record.key().equals(requestId) && record.value().contains("\"renew\""));
        assertThat(renewal.key()).isEqualTo(requestId);
        assertThat(logs.ended()).isFalse();

        worker(requestId, new AppLogEvent.Ended(requestId, "the engine failed while reading the log of web.1"));

        assertThat(logs.awaitEnd(STREAM)).isEqualTo(200);
        assertThat(json.readTree(logs.named("error").get(0).data())
                        .path("detail")
                        .asText())
                .contains("the engine failed");
        assertThat(logs.lines()).hasSize(2);
    }

    @Test
    void aStreamNoWorkerTakesEndsWithAnErrorInsteadOfHanging() throws Exception {
        String app = newAppInPool();

        SseReader logs = SseReader.open(appsUrl.toURI().resolve(app + "/logs"));

        assertThat(logs.awaitEnd(AppLogChannels.ANSWER_TIMEOUT.plus(STREAM))).isEqualTo(200);
        assertThat(json.readTree(logs.named("error").get(0).data())
                        .path("detail")
                        .asText())
                .contains("no engine of the app's pool " + POOL);
    }

    private void worker(String requestId, AppLogEvent event) {
        Broker.send(json, AppLogChannels.EVENTS_TOPIC, requestId, event);
    }
}
