package io.slipway.engine.pipeline;

import io.slipway.contract.Limits;
import io.slipway.runtime.ResourceLimits;

/** The limits an order carries, as the runtime adapters take them. */
final class EngineLimits {

    private EngineLimits() {}

    static ResourceLimits of(Limits limits) {
        return new ResourceLimits(limits.memoryBytes(), limits.nanoCpus());
    }
}
