package io.slipway.gateway.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.messaging.BrokerClients;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands app log requests to the engine: in process to the embedded one (a CDI event it observes), or in remote
 * mode to the topic of the app's pool, keyed by request id, so that a read's renewals follow it to the worker that
 * took it. The gateway never reads a container's log itself.
 */
@ApplicationScoped
public class LogRequestSender {

    /** A start that the broker does not take within this long answers 503 rather than keep the client waiting. */
    private static final long SEND_TIMEOUT_MS = 5000;

    private final Event<AppLogRequest> embedded;
    private final boolean remote;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    LogRequestSender(
            Event<AppLogRequest> embedded,
            GatewayConfig config,
            ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.embedded = embedded;
        this.remote = config.engine().isRemote();
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends a read's start and waits until it is taken. */
    void start(String pool, AppLogRequest.Follow follow) {
        if (!remote) {
            embedded.fire(follow);
            return;
        }
        try {
            producer().send(record(pool, follow)).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new CommandNotSentException("the broker did not take the log request: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandNotSentException("interrupted while sending the log request", e);
        }
    }

    /** Sends a renewal or a stop without waiting: a lost one is made up for by the next, or by the lease. */
    void tell(String pool, AppLogRequest request) {
        if (!remote) {
            embedded.fire(request);
            return;
        }
        try {
            producer().send(record(pool, request));
        } catch (RuntimeException e) {
            // The read ends by its lease instead.
        }
    }

    private ProducerRecord<String, String> record(String pool, AppLogRequest request) {
        try {
            return new ProducerRecord<>(
                    AppLogChannels.requestsTopic(pool), request.requestId(), json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log request cannot be written as JSON", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties config = BrokerClients.producerConfig(bootstrapServers);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
                    producer = new KafkaProducer<>(config);
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
