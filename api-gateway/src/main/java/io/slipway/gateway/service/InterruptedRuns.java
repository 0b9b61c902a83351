package io.slipway.gateway.service;

import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunStatus;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start-up, ends the runs a previous process left queued or running: the embedded engine ran them on its threads,
 * which died with it, so no event will end them. Each ends {@code FAILED} with reason
 * {@value RunEvent.Finished#INTERRUPTED}; its container, labelled a task's, is removed by the engine's sweep of what
 * a crash left ({@code LeftoverSweeper}). Not in remote mode: there the workers run the runs, and a gateway restart
 * ends none of them.
 */
@ApplicationScoped
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class);

    private final RunRepository runs;
    private final boolean remote;

    public InterruptedRuns(RunRepository runs, GatewayConfig config) {
        this.runs = runs;
        this.remote = config.engine().isRemote();
    }

    void onStart(@Observes StartupEvent start) {
        if (!remote) {
            endAll();
        }
    }

    @Transactional
    void endAll() {
        List<Run> interrupted = runs.active();
        Instant now = Instant.now();
        for (Run run : interrupted) {
            run.finish(RunStatus.FAILED, null, RunEvent.Finished.INTERRUPTED, now);
        }
        if (!interrupted.isEmpty()) {
            LOG.infof("%d runs a restart cut short ended %s", interrupted.size(), RunEvent.Finished.INTERRUPTED);
        }
    }
}
