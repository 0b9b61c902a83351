package io.slipway.engine.service;

import io.slipway.contract.Channels;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunOrder;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.pipeline.OneOffRun;
import io.slipway.runtime.Cancellation;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Runs one-off commands on threads of their own, never in an app's deployment lane: a run neither waits for the
 * app's deployments nor holds them up. At most {@link EngineConfig.Pipeline#runParallelism()} run at once; more wait
 * in order. Their events go to the gateway on {@value Channels#RUN_EVENTS}, keyed by run id.
 */
@ApplicationScoped
public class OneOffRuns {

    private static final Logger LOG = Logger.getLogger(OneOffRuns.class);

    private final OneOffRun run;
    private final InteractiveRuns interactive;
    private final Emitter<RunEvent> events;
    private final ExecutorService executor;
    private final Map<String, Cancellation> cancellations = new ConcurrentHashMap<>();

    // Each run's output is capped (maxLogLines), which bounds what waits in the buffer.
    @Inject
    public OneOffRuns(
            OneOffRun run,
            InteractiveRuns interactive,
            @Channel(Channels.RUN_EVENTS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<RunEvent> events,
            EngineConfig config) {
        this.run = run;
        this.interactive = interactive;
        this.events = events;
        this.executor = Executors.newFixedThreadPool(config.pipeline().runParallelism(), runnable -> {
            Thread thread = new Thread(runnable, "slipway-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the run, or keeps an interactive one until its client attaches; a redelivered start of a run that is here already is ignored. */
    public void start(RunOrder order) {
        Cancellation cancellation = new Cancellation();
        if (cancellations.putIfAbsent(order.runId(), cancellation) != null) {
            LOG.infof("Ignoring run %s: already accepted (a redelivered request)", order.runId());
            return;
        }
        if (order.interactive()) {
            interactive.await(order, cancellation, this::send, () -> cancellations.remove(order.runId()));
            return;
        }
        executor.execute(() -> {
            try {
                run.run(order, cancellation, this::send);
            } finally {
                cancellations.remove(order.runId());
            }
        });
    }

    /** Kills the run's container, or ends it before it starts; a run not here is ended or elsewhere. */
    public void cancel(String runId) {
        Cancellation cancellation = cancellations.get(runId);
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    private void send(RunEvent event) {
        events.send(Message.of(
                event,
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.runId())
                        .build())));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
