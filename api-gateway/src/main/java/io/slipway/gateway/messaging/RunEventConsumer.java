package io.slipway.gateway.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.RunEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The gateway's inbox for the engine's run events, one at a time in order (each is a short transaction). An event
 * the database refuses is logged and skipped rather than failing the channel: the run's end, stored later or by the
 * interrupted-run sweep at start, still settles it.
 */
@ApplicationScoped
public class RunEventConsumer {

    private static final Logger LOG = Logger.getLogger(RunEventConsumer.class);

    private final RunEventSink sink;

    public RunEventConsumer(RunEventSink sink) {
        this.sink = sink;
    }

    @Incoming(Channels.RUN_EVENTS)
    @Blocking
    public void onEvent(RunEvent event) {
        store(event);
    }

    /** The workers' run events, in remote mode (nothing arrives when embedded); a record that is no event is skipped. */
    @Incoming(RemoteChannels.RUN_EVENTS)
    @Blocking
    public void onWorkerEvent(RunEvent event) {
        if (event != null) {
            store(event);
        }
    }

    private void store(RunEvent event) {
        try {
            sink.store(event);
        } catch (RuntimeException e) {
            LOG.warnf("Event %d of run %s not stored: %s", event.seq(), event.runId(), e.getMessage());
        }
    }
}
