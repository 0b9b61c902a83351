package io.slipway.gateway.service;

import io.slipway.gateway.RunLogEvent;
import io.slipway.gateway.RunView;
import io.slipway.gateway.mapping.RunMapper;
import io.slipway.gateway.repository.RunLogLine;
import io.slipway.gateway.repository.RunRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run's output for its logs stream: the stored lines after the client's last one, then those stored since, read
 * from the database every {@link #POLL_INTERVAL} until the run has ended and its last line is sent, then the run as
 * it ended. Read from what is stored, every replica serves every run the same way, in both engine modes, and a page
 * at a time bounds what one follower holds.
 */
@ApplicationScoped
public class RunOutput {

    /** Lines read at once for a follower. */
    static final int PAGE = 500;

    /** Short enough to read as live. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    /** An item of the stream: a line, or the ended run as the last item. */
    public sealed interface Item permits Line, End {}

    public record Line(RunLogEvent event) implements Item {}

    public record End(RunView run) implements Item {}

    private final RunRepository runs;

    public RunOutput(RunRepository runs) {
        this.runs = runs;
    }

    /** The lines after {@code afterSeq}, then the run's end; completes once the run has ended. */
    public Multi<Item> follow(String runId, long afterSeq) {
        AtomicLong last = new AtomicLong(afterSeq);
        AtomicBoolean caughtUp = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        return Multi.createBy()
                .repeating()
                .uni(() -> pause(caughtUp.get())
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(ignored -> next(runId, last, caughtUp, done)))
                .whilst(items -> !done.get())
                .onItem()
                .disjoint();
    }

    /** The next page; with the run's end after it once the run has ended and no more lines are stored. */
    @Transactional
    List<Item> next(String runId, AtomicLong last, AtomicBoolean caughtUp, AtomicBoolean done) {
        // Read the run first: a line stored after this read is still read below, so none is missed at the end.
        RunView run = runs.findByIdOptional(runId).map(RunMapper::toView).orElse(null);
        List<RunLogLine> lines = runs.linesAfter(runId, last.get(), PAGE);
        List<Item> items = new ArrayList<>();
        for (RunLogLine line : lines) {
            items.add(new Line(new RunLogEvent(line.stream(), line.seq(), line.line(), line.loggedAt())));
            last.set(line.seq());
        }
        caughtUp.set(lines.size() < PAGE);
        if (run == null || (run.status().isFinal() && lines.size() < PAGE)) {
            if (run != null) {
                items.add(new End(run));
            }
            done.set(true);
        }
        return items;
    }

    private static Uni<Void> pause(boolean caughtUp) {
        Uni<Void> now = Uni.createFrom().voidItem();
        return caughtUp ? now.onItem().delayIt().by(POLL_INTERVAL) : now;
    }
}
