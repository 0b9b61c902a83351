package io.slipway.engine.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a topic whole, every partition from its end, with no consumer group, on a thread of its own, and hands each
 * message as a {@code T} to its handler. For live messages that any partition may hold and that every reader needs
 * (a gateway replica the events of the consoles and log reads it serves, a worker the console requests of the runs it
 * holds): nothing is committed, and a reader that restarts has nothing old left to serve.
 */
public final class WholeTopicReader<T> {

    private static final Logger LOG = Logger.getLogger(WholeTopicReader.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** A broker that cannot create the topic within this long is asked again at the next try. */
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final String topic;
    private final Class<T> type;
    private final ObjectMapper json;
    private final Consumer<T> handler;
    private boolean createTopic;
    private Optional<Duration> retention = Optional.empty();
    private Duration poll = Duration.ofMillis(200);
    private boolean fetchAtOnce;
    private volatile KafkaConsumer<String, String> consumer;

    /** The handler runs on the reading thread, so it must not block, and one that throws ends the reading. */
    public WholeTopicReader(
            String bootstrapServers, String topic, Class<T> type, ObjectMapper json, Consumer<T> handler) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.type = type;
        this.json = json;
        this.handler = handler;
    }

    /** Creates the topic (kept only {@code retention}, if given) before each try to read it, unless it exists. */
    public WholeTopicReader<T> creatingTopic(Optional<Duration> retention) {
        this.createTopic = true;
        this.retention = retention;
        return this;
    }

    public WholeTopicReader<T> polledEvery(Duration poll) {
        this.poll = poll;
        return this;
    }

    /** The broker answers a fetch at once rather than wait for more: a person types into, or watches, these. */
    public WholeTopicReader<T> fetchedAtOnce() {
        this.fetchAtOnce = true;
        return this;
    }

    public void start(String threadName) {
        consumer = new KafkaConsumer<>(consumerConfig(threadName));
        Thread reader = new Thread(this::read, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** Wakes the reader up: it closes its consumer and ends. */
    public void close() {
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private void read() {
        try {
            while (!assigned()) {
                Thread.sleep(RETRY.toMillis());
            }
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(poll)) {
                    parse(record.value()).ifPresent(handler);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close() woke the poll up: the process stops.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Makes sure the topic exists if asked and takes all of it from its end; false while the broker cannot say. */
    private boolean assigned() {
        try {
            if (createTopic) {
                BrokerClients.createTopic(bootstrapServers, topic, retention, CREATE_TIMEOUT);
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // The end is fixed now, not at the first poll: what is asked from here on finds all its answers.
            partitions.forEach(consumer::position);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("%s not read yet (trying again every %s): %s", topic, RETRY, e.getMessage());
            return false;
        }
    }

    private Optional<T> parse(String value) {
        try {
            return Optional.of(json.readValue(value, type));
        } catch (JsonProcessingException e) {
            LOG.debugf(
                    "Ignored a message of %s that is no %s: %s", topic, type.getSimpleName(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private Properties consumerConfig(String clientName) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientName + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (fetchAtOnce) {
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        }
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }
}
