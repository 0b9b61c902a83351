package io.slipway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gateway and workers may be of different builds: what one writes, the other must read back as it was. */
class MessageShapesTests {

    private final ObjectMapper json =
            new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule());

    @Test
    void everyCommandReadsBackAsTheKindItWas() throws Exception {
        DeploymentOrder order = DeploymentOrder.builder(DeploymentKind.IMAGE)
                .deploymentId("d1")
                .app("shop")
                .image("shop:1")
                .appJsonPath(Optional.of("deploy/app.json"))
                .config(Map.of("A", "1"))
                .formation(Map.of("web", 2))
                .limits(new AppLimits(new Limits(Optional.of(1L << 26), Optional.empty()), Map.of()))
                .network(Optional.of("shared-backend"))
                .build();
        List<DeployCommand> commands = List.of(
                new DeployCommand.Start(order),
                new DeployCommand.Cancel("shop", "d1"),
                new DeployCommand.DeleteApp("shop"),
                new DeployCommand.RemoveImages("shop", List.of("slipway/shop:old")),
                new DeployCommand.Recover("shop", "d1", 7),
                new DeployCommand.CleanUp("shop", "d1"));

        for (DeployCommand command : commands) {
            String text = json.writeValueAsString(command);
            assertThat(json.readValue(text, DeployCommand.class)).as(text).isEqualTo(command);
        }
    }

    @Test
    void eventsAndWorkerReportsReadBackAsTheyWere() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        DeploymentEvent log = new DeploymentEvent.Log("d1", "shop", 3, at, PhaseName.RELEASE, LogStream.STDERR, "x");
        WorkerStatus status = new WorkerStatus(
                "w1",
                "default",
                "podman 4.3.1",
                at,
                List.of("d1"),
                List.of(new WorkerStatus.ProcessContainer("shop", "web", "c1", "shop-d1-web-1", "RUNNING", null, "d1")),
                null,
                true);

        assertThat(json.readValue(json.writeValueAsString(log), DeploymentEvent.class))
                .isEqualTo(log);
        assertThat(json.readValue(json.writeValueAsString(status), WorkerStatus.class))
                .isEqualTo(status);
    }

    @Test
    void consoleRequestsAndEventsReadBackAsTheyWereBytesIncluded() throws Exception {
        byte[] typed = {'l', 's', '\n', (byte) 0xe2, (byte) 0x82, (byte) 0xac, 0, 27};
        List<ConsoleRequest> requests = List.of(
                new ConsoleRequest.Attach("r1", "s1"),
                new ConsoleRequest.Type("r1", "s1", 1, typed),
                new ConsoleRequest.Resize("r1", "s1", 2, 132, 41),
                new ConsoleRequest.Renew("r1", "s1"),
                new ConsoleRequest.Detach("r1", "s1"));
        List<ConsoleEvent> events = List.of(
                new ConsoleEvent.Opened("r1", "s1"),
                new ConsoleEvent.NotWaiting("r1", "s2"),
                new ConsoleEvent.Print("r1", "s1", 7, typed),
                new ConsoleEvent.Ended("r1", "s1", RunStatus.FAILED, 3),
                new ConsoleEvent.Ended("r1", "s1", RunStatus.CANCELLED, null));

        for (ConsoleRequest request : requests) {
            String text = json.writeValueAsString(request);
            assertThat(json.readValue(text, ConsoleRequest.class))
                    .as(text)
                    .usingRecursiveComparison()
                    .isEqualTo(request);
        }
        for (ConsoleEvent event : events) {
            String text = json.writeValueAsString(event);
            assertThat(json.readValue(text, ConsoleEvent.class))
                    .as(text)
                    .usingRecursiveComparison()
                    .isEqualTo(event);
        }
        assertThat(json.readTree(json.writeValueAsString(requests.get(1)))
                        .get("type")
                        .asText())
                .isEqualTo("type");
        assertThat(json.readValue(
                                "{\"type\": \"type\", \"runId\": \"r1\", \"sessionId\": \"s1\", \"frame\": 4,"
                                        + " \"input\": \"aGkK\"}",
                                ConsoleRequest.class)
                        .frame())
                .isEqualTo(4);
        assertThat(ConsoleChannels.requestsTopic("edge")).isEqualTo("run-console-requests.edge");
    }

    @Test
    void eachPoolHasItsOwnTopicAndConsumerGroup() {
        assertThat(Channels.deployRequestsTopic("edge")).isEqualTo("deploy-requests.edge");
        assertThat(Channels.poolGroup("edge")).isNotEqualTo(Channels.poolGroup(Channels.DEFAULT_POOL));
    }
}
