package io.slipway.gateway.messaging;

import io.slipway.contract.Channels;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker as an administrator sees it, in remote mode: each pool's topic exists with
 * {@link Channels#POOL_PARTITIONS} partitions before the first command to the pool (a topic the broker made on
 * its own would have one, and one worker of the pool would get all its apps), the broker answers health
 * checks, and it tells whether a gateway reads the workers' reports (the lease clock's question). Every call is
 * bounded: a broker that is away fails it within seconds.
 */
@ApplicationScoped
public class PoolTopics {

    /** What one call to the broker may take, connection included. */
    static final int CALL_TIMEOUT_MS = 3000;

    private static final String REPORTS_CHANNEL = "mp.messaging.incoming." + RemoteChannels.WORKER_STATUS;

    private final Map<String, Object> kafka;
    private final String reportsTopic;
    private final String reportsGroup;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private volatile Admin admin;

    public PoolTopics(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = REPORTS_CHANNEL + ".topic") String reportsTopic,
            @ConfigProperty(name = REPORTS_CHANNEL + ".group.id") String reportsGroup) {
        this.kafka = kafka;
        this.reportsTopic = reportsTopic;
        this.reportsGroup = reportsGroup;
    }

    /** Makes sure the pool's topic exists. */
    public void ensure(String pool) {
        String topic = Channels.deployRequestsTopic(pool);
        if (created.contains(topic)) {
            return;
        }
        try {
            admin().createTopics(List.of(new NewTopic(topic, Optional.of(Channels.POOL_PARTITIONS), Optional.empty())))
                    .all()
                    .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create the topic " + topic + ": " + e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + CALL_TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topic " + topic);
        }
        created.add(topic);
    }

    /**
     * Whether a gateway reads the workers' reports now: the gateway replicas' consumer group is stable (not
     * rebalancing, as it does for seconds after the broker restarted) and one of its members holds the reports'
     * topic. A broker that answers is not enough: its consumers take seconds more to join again, and until they do,
     * no report is stored however alive the workers are.
     */
    public boolean reportsRead() throws ExecutionException, TimeoutException, InterruptedException {
        ConsumerGroupDescription described;
        try {
            described = admin().describeConsumerGroups(List.of(reportsGroup))
                    .describedGroups()
                    .get(reportsGroup)
                    .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false; // no replica has joined since the broker (re)started
            }
            throw e;
        }
        return described.groupState() == GroupState.STABLE
                && described.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .anyMatch(partition -> partition.topic().equals(reportsTopic));
    }

    /** How many brokers the cluster has, asked within the call timeout. */
    public int brokers() throws ExecutionException, TimeoutException, InterruptedException {
        return admin().describeCluster()
                .nodes()
                .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .size();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminConfig());
                }
                current = admin;
            }
        }
        return current;
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        return config;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
