package io.slipway.contract;

import java.util.Locale;

/**
 * The phases of a deployment as the gateway, the API and the events name them, in the order they run.
 * The engine's phase table (what each phase does) has one row per name, in this order.
 */
public enum PhaseName {
    BUILD,
    PREDEPLOY,
    RELEASE,
    DEPLOY,
    POSTDEPLOY;

    /** The name as tasks see it in {@code SLIPWAY_PHASE} and as labels carry it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
