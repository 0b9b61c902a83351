package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;

/**
 * Where the mark that an app's one-time setup task ({@code scripts.postdeploy}) ran is kept: the gateway's database.
 * The mark is stored before the task starts (as Dokku does), so a setup task runs at most once per app, even when it
 * fails or its worker dies while it runs.
 */
@FunctionalInterface
public interface SetupMarks {

    /**
     * Stores, durably and before returning, that {@code order}'s deployment runs the app's setup task now, unless the
     * mark is already stored for another deployment of the app.
     *
     * @return true when the deployment may run the task (the mark is now its own); false when the app's setup ran
     * @throws Unavailable when nothing was decided: the task must not run
     */
    boolean mark(DeploymentOrder order);

    /**
     * A worker with no gateway to ask keeps no mark: it takes the order's word, which the sender made from its own
     * records.
     */
    SetupMarks FROM_ORDER = order -> !order.setupRan();

    /** The store could not be asked, or did not answer: whether the mark is stored is unknown. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
