package io.slipway.gateway;

import io.slipway.contract.WorkerStatus;
import java.time.Instant;
import java.util.List;

/** Engine reports as the tests store them: one app's one web container, from a pool of its own. */
public final class WebProcessReports {

    private WebProcessReports() {}

    /** The report of {@code app}'s container {@code "c" + app}, in the pool {@code "p" + app}, made now. */
    public static WorkerStatus of(String app, String state, int restarts, Instant startedAt) {
        return new WorkerStatus(
                WorkerStatus.EMBEDDED_WORKER,
                "p" + app,
                "test",
                Instant.now(),
                List.of(),
                List.of(new WorkerStatus.ProcessContainer(
                        app, "web", "c" + app, app + "-web-1", state, null, "d1", restarts, startedAt)),
                null,
                null);
    }
}
