package io.slipway.engine.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * The containers a succeeded deployment replaced, by id, and when they are stopped and removed: after the
 * wait-to-retire time, so that the requests they still answer can finish.
 */
public record Retirement(String app, String deploymentId, List<String> containers, Instant due) {

    public Retirement {
        containers = List.copyOf(containers);
    }
}
