package io.slipway.contract;

import java.util.Locale;

/**
 * The phases of a deployment as the gateway, the API and the events name them, in the order they run.
 * The engine's phase table (what each phase does) has one row per name, in this order. The order is meaningful
 * (the gateway lists a deployment's phases by it); names, not positions, are stored and sent.
 */
public enum PhaseName {
    BUILD,
    PREDEPLOY,
    RELEASE,
    DEPLOY,
    /** app.json's {@code scripts.postdeploy}: the app's one-time setup task, after DEPLOY and before POSTDEPLOY. */
    SETUP,
    POSTDEPLOY;

    /** The name as tasks see it in {@code SLIPWAY_PHASE} and as labels carry it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
