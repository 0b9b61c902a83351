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
    void eachPoolHasItsOwnTopicAndConsumerGroup() {
        assertThat(Channels.deployRequestsTopic("edge")).isEqualTo("deploy-requests.edge");
        assertThat(Channels.poolGroup("edge")).isNotEqualTo(Channels.poolGroup(Channels.DEFAULT_POOL));
    }
}
