package io.slipway.gateway.service;

import io.slipway.contract.RunEvent;
import io.slipway.gateway.messaging.RunEventSink;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunLogLine;
import io.slipway.gateway.repository.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Stores what the engine reports of a run, each event once: a redelivered event repeats a seq and is ignored, and
 * an ended run takes no more. The logs stream reads what is stored ({@link RunOutput}).
 */
@ApplicationScoped
public class RunEventStore implements RunEventSink {

    private final RunRepository runs;

    public RunEventStore(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    @Transactional
    public void store(RunEvent event) {
        Run run = runs.findById(event.runId());
        if (run == null || !run.takeEvent(event.seq())) {
            return;
        }
        if (event instanceof RunEvent.Started started) {
            run.start(started.at());
        } else if (event instanceof RunEvent.Output output) {
            runs.getEntityManager().persist(new RunLogLine(output));
        } else if (event instanceof RunEvent.Finished end) {
            run.finish(end.status(), end.exitCode(), end.reason(), end.at());
        }
    }
}
