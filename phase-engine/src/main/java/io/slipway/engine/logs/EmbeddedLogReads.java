package io.slipway.engine.logs;

import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/**
 * App log reads between the engine and the gateway that embeds it, in process, as its reports travel ({@code
 * EmbeddedReports}): the gateway fires each {@link AppLogRequest} as a CDI event, and the read's events come back
 * the same way, fired on the engine's threads. A gateway whose engine is remote never fires one; should one come, an
 * idle engine ignores it.
 */
@ApplicationScoped
public class EmbeddedLogReads {

    private final AppLogReads reads;
    private final Event<AppLogEvent> gateway;
    private final boolean idle;

    EmbeddedLogReads(AppLogReads reads, Event<AppLogEvent> gateway, EngineConfig config) {
        this.reads = reads;
        this.gateway = gateway;
        this.idle = EngineRole.of(config) == EngineRole.IDLE;
    }

    void onRequest(@Observes AppLogRequest request) {
        if (!idle) {
            reads.handle(request, gateway::fire);
        }
    }
}
