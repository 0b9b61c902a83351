package io.slipway.engine.pipeline;

import io.slipway.runtime.router.Router;
import java.util.Objects;

/**
 * What the pipeline needs to give a release traffic: the router whose routes the switch changes, and
 * the probe that makes the checks' attempts.
 */
public record Traffic(Router router, HealthProbe probe) {

    public Traffic {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(probe, "probe");
    }
}
