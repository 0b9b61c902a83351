package io.slipway.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.runtime.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether a gateway reads the workers' reports, asked of the real broker: it is the lease clock's question, and a
 * broker that answers while no consumer holds the reports' topic (as for seconds after the broker restarted) must
 * not count as reports being read.
 */
class PoolTopicsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String reportsTopic = "worker-status-" + run;
    private final String group = "slipway-gateway-" + run;
    private final String otherTopic = "deployment-events-" + run;
    private final Map<String, Object> kafka =
            Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestEngines.endpoint("kafka.bootstrap-servers"));
    private final PoolTopics broker = new PoolTopics(kafka, reportsTopic, group);
    private final Admin admin = Admin.create(kafka);
    private final ExecutorService consumers = Executors.newCachedThreadPool();
    private final AtomicBoolean stop = new AtomicBoolean();

    @BeforeEach
    void createTopics() throws Exception {
        admin.createTopics(List.of(
                        new NewTopic(reportsTopic, Optional.of(1), Optional.empty()),
                        new NewTopic(otherTopic, Optional.of(1), Optional.empty())))
                .all()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        stop.set(true);
        consumers.shutdown();
        broker.close();
        admin.deleteTopics(List.of(reportsTopic, otherTopic)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        admin.close();
    }

    @Test
    void reportsAreReadOnlyWhileAMemberOfTheGatewaysGroupHoldsTheReportsTopic() throws Exception {
        assertThat(broker.brokers()).as("the broker answers").isPositive();
        assertThat(broker.reportsRead()).as("no consumer in the group yet").isFalse();

        Future<?> otherTopicOnly = consume(otherTopic);
        await().atMost(WAIT).until(this::groupIsStableWithAMember);
        assertThat(broker.reportsRead())
                .as("the group is there, but none of its members holds the reports' topic")
                .isFalse();

        Future<?> reports = consume(reportsTopic);
        await().atMost(WAIT).until(broker::reportsRead);

        stop.set(true);
        otherTopicOnly.get();
        reports.get();
        assertThat(broker.reportsRead()).as("every member left the group").isFalse();
    }

    private boolean groupIsStableWithAMember() throws Exception {
        ConsumerGroupDescription described = admin.describeConsumerGroups(List.of(group))
                .describedGroups()
                .get(group)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return described.groupState() == GroupState.STABLE
                && !described.members().isEmpty();
    }

    /** A consumer of the gateways' group on {@code topic}, polling until the test stops it; it leaves on close. */
    private Future<?> consume(String topic) {
        return consumers.submit(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            group),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (!stop.get()) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }
            return null;
        });
    }
}
