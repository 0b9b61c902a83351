package io.slipway.gateway.service;

import io.slipway.gateway.AppView.ProcessView;
import java.util.List;
import java.util.Map;

/**
 * Where the apps' process containers are read from: the embedded engine ({@link AppProcesses}) or, in remote mode,
 * the workers' stored reports ({@link StoredProcesses}); {@link ProcessListings} picks one.
 */
public interface ProcessListing {

    /** Every app's processes. */
    Listing current();

    /** The containers changed (a deployment ended): the next read must not answer from before. */
    void changed();

    /**
     * Processes by app name.
     *
     * @param engineError null when the engine answered; else why the processes are those of its last answer
     */
    record Listing(Map<String, List<ProcessView>> byApp, String engineError) {

        public List<ProcessView> of(String app) {
            return byApp.getOrDefault(app, List.of());
        }
    }
}
