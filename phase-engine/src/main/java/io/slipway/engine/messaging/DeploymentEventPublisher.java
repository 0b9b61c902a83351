package io.slipway.engine.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeploymentEvent;
import io.slipway.engine.service.DeploymentMetrics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends the pipeline's events to the gateway, keyed by deployment id, and counts them in metrics.
 *
 * <p>A deployment has at most {@link #IN_FLIGHT} events sent and not yet acknowledged (stored by the
 * gateway when it embeds the engine, taken by the broker otherwise); past that its pipeline waits, and
 * so does the task whose output it reads. A task that prints faster than the gateway stores therefore
 * neither fills the heap nor puts more than that many events ahead of another deployment's. It waits as long as it
 * takes: an event is always settled, by the broker within its delivery timeout, or by the embedded gateway once
 * stored (which it retries while its database refuses writes); only a stopping worker sends without waiting.
 */
@ApplicationScoped
public class DeploymentEventPublisher {

    static final int IN_FLIGHT = 1000;

    /** How often a deployment that waits for acknowledgements says so. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DeploymentEventPublisher.class);

    private final Emitter<DeploymentEvent> emitter;
    private final DeploymentMetrics metrics;
    private final Consumer<DeploymentEnding> ending;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Deployments whose {@code Finished} is sent and neither acknowledged nor refused yet. */
    private final Set<String> endsInFlight = ConcurrentHashMap.newKeySet();

    // The windows bound what waits in the buffer; it only has to take a few deployments' windows.
    @Inject
    public DeploymentEventPublisher(
            @Channel(Channels.DEPLOYMENT_EVENTS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    Emitter<DeploymentEvent> emitter,
            DeploymentMetrics metrics,
            Event<DeploymentEnding> ending) {
        this(emitter, metrics, ending::fire);
    }

    /** @param ending told of each end before it is sent, on the sending thread */
    public DeploymentEventPublisher(
            Emitter<DeploymentEvent> emitter, DeploymentMetrics metrics, Consumer<DeploymentEnding> ending) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.ending = ending;
    }

    public void publish(DeploymentEvent event) {
        metrics.record(event);
        Window window = windows.computeIfAbsent(event.deploymentId(), id -> new Window());
        window.enter(event);
        boolean end = event instanceof DeploymentEvent.Finished;
        boolean retired = event instanceof DeploymentEvent.Retired;
        if (end || retired) {
            // Either changes the app's processes: reported before the gateway hears of it.
            ending.accept(new DeploymentEnding(event.deploymentId()));
        }
        if (end) {
            endsInFlight.add(event.deploymentId());
        }
        // Taken or refused alike: the window frees a place, and the end is no longer in flight.
        Supplier<CompletionStage<Void>> settled = () -> {
            window.leave();
            if (end) {
                endsInFlight.remove(event.deploymentId());
            }
            return CompletableFuture.completedFuture(null);
        };
        emitter.send(Message.of(
                event,
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.deploymentId())
                        .build()),
                settled,
                failure -> settled.get()));
        // A retirement's one event comes after the end, in a window of its own.
        if (end || retired) {
            windows.remove(event.deploymentId());
        }
    }

    /**
     * The deployments whose end is sent but not yet taken by the broker (or the gateway, embedded). A worker's
     * reports still name them as running: while the broker is away, a report that came before the end would
     * otherwise tell the gateway the deployment was abandoned.
     */
    public Set<String> endsInFlight() {
        return Collections.unmodifiableSet(endsInFlight);
    }

    /** One deployment's events in flight. */
    private static final class Window {

        private final Semaphore free = new Semaphore(IN_FLIGHT);

        void enter(DeploymentEvent event) {
            try {
                long waited = 0;
                while (!free.tryAcquire(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    waited += ACK_WAIT.toSeconds();
                    LOG.warnf(
                            "Deployment %s waits for its %d events in flight to be acknowledged (%d s so far)",
                            event.deploymentId(), IN_FLIGHT, waited);
                }
            } catch (InterruptedException e) {
                // The worker is shutting down: send this one anyway, and let the caller see the interrupt.
                Thread.currentThread().interrupt();
            }
        }

        void leave() {
            free.release();
        }
    }
}
