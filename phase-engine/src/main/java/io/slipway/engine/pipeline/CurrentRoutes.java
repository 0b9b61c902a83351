package io.slipway.engine.pipeline;

import io.slipway.manifest.ProcessTypes;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every app's route as the engine shows it: the published addresses of the running web containers of
 * its current release. What a router is given when Slipway starts, so the proxy holds nothing Slipway
 * cannot rebuild.
 */
public final class CurrentRoutes {

    private final ContainerRuntime runtime;

    public CurrentRoutes(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** @return upstreams by app, for apps with at least one */
    public Map<String, List<String>> read() {
        CurrentReleases current = new CurrentReleases(runtime);
        Map<String, List<String>> routes = new TreeMap<>();
        for (ContainerInfo process : runtime.listContainers(ContainerLabels.allProcesses())) {
            if (ProcessTypes.WEB.equals(process.labels().get(ContainerLabels.PROCESS_TYPE))
                    && process.state() == ContainerState.RUNNING
                    && process.address().isPresent()
                    && current.runsCurrentRelease(process)) {
                routes.computeIfAbsent(process.labels().get(ContainerLabels.APP), app -> new ArrayList<>())
                        .add(process.address().get());
            }
        }
        return routes;
    }
}
