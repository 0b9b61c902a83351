package io.slipway.gateway.service;

import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.gateway.AppView.ProcessView;
import io.slipway.gateway.mapping.AppMapper;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The process containers of apps, read from the engine. The gateway only reads: the engine starts
 * and removes them. When the engine does not answer, apps show no processes rather than failing
 * (the health check reports the engine).
 */
@ApplicationScoped
public class AppProcesses {

    private static final Logger LOG = Logger.getLogger(AppProcesses.class);

    private final ContainerRuntime runtime;

    public AppProcesses(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    public List<ProcessView> of(String app) {
        return list(ContainerLabels.processesOf(app)).stream()
                .map(AppMapper::toProcess)
                .toList();
    }

    /** Every app's processes in one engine call, by app name. */
    public Map<String, List<ProcessView>> byApp() {
        return list(ContainerLabels.allProcesses()).stream()
                .collect(Collectors.groupingBy(
                        container -> container.labels().getOrDefault(ContainerLabels.APP, ""),
                        Collectors.mapping(AppMapper::toProcess, Collectors.toList())));
    }

    private List<ContainerInfo> list(Map<String, String> labels) {
        try {
            return runtime.listContainers(labels).stream()
                    .sorted(Comparator.comparing(ContainerInfo::name))
                    .toList();
        } catch (ContainerRuntimeException e) {
            LOG.warnf("Cannot list process containers: %s", e.getMessage());
            return List.of();
        }
    }
}
