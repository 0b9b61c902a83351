package io.slipway.gateway.service;

import io.slipway.gateway.AppView.ProcessView;
import io.slipway.gateway.repository.ReportedProcess;
import io.slipway.gateway.repository.ReportedProcessRepository;
import io.slipway.runtime.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.Transactional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The apps' process containers as their pools' workers last reported them (remote mode): the gateway asks no
 * engine. Each report replaces its pool's rows, so what is shown is at most one report interval old.
 */
@ApplicationScoped
@Typed(StoredProcesses.class)
public class StoredProcesses implements ProcessListing {

    private final ReportedProcessRepository processes;

    public StoredProcesses(ReportedProcessRepository processes) {
        this.processes = processes;
    }

    @Override
    @Transactional
    public Listing current() {
        return new Listing(
                processes.listByName().stream()
                        .collect(Collectors.groupingBy(
                                ReportedProcess::app,
                                Collectors.mapping(StoredProcesses::toView, Collectors.toList()))),
                null);
    }

    /** Nothing to forget: the worker reports right after a deployment ends. */
    @Override
    public void changed() {}

    private static ProcessView toView(ReportedProcess process) {
        return new ProcessView(
                process.type(), process.containerId(), process.name(), null, state(process.state()), process.address());
    }

    private static ContainerState state(String reported) {
        return Stream.of(ContainerState.values())
                .filter(state -> state.name().equals(reported))
                .findFirst()
                .orElse(ContainerState.UNKNOWN);
    }
}
