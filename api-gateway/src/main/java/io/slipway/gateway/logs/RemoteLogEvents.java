package io.slipway.gateway.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.engine.messaging.WholeTopicReader;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In remote mode, the workers' app log events: this replica reads {@link AppLogChannels#EVENTS_TOPIC} whole, every
 * partition from its end, with no consumer group (each replica needs the events of the reads it serves, which any
 * partition may hold), and hands each to {@link AppLogStreams}, which drops those of reads it does not serve. Nothing
 * is committed: the events are live, and a replica that restarts has no reads left to serve.
 */
@ApplicationScoped
public class RemoteLogEvents {

    private final AppLogStreams streams;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private volatile WholeTopicReader<AppLogEvent> reader;

    RemoteLogEvents(
            AppLogStreams streams,
            ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.streams = streams;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    // Static: an embedded gateway creates nothing of this.
    static void onStart(@Observes StartupEvent start, GatewayConfig config, Instance<RemoteLogEvents> events) {
        if (config.engine().isRemote()) {
            events.get().start();
        }
    }

    void start() {
        reader = new WholeTopicReader<>(
                        bootstrapServers, AppLogChannels.EVENTS_TOPIC, AppLogEvent.class, json, streams::dispatch)
                .creatingTopic(Optional.empty())
                .polledEvery(Duration.ofMillis(200));
        reader.start("slipway-app-log-events");
    }

    @PreDestroy
    void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
