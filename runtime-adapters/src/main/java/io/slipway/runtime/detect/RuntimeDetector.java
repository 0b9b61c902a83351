package io.slipway.runtime.detect;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineUnavailableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an engine: tries the candidates the preference admits, in order, and keeps the first that
 * answers. When none does, one {@link EngineUnavailableException} lists every attempt and why it failed.
 */
public final class RuntimeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeDetector.class);

    private final List<EngineCandidate> candidates;
    private final EngineConnector connector;

    public RuntimeDetector(List<EngineCandidate> candidates, EngineConnector connector) {
        this.candidates = List.copyOf(candidates);
        this.connector = connector;
    }

    public ContainerRuntime connect(EnginePreference preference) {
        List<String> failures = new ArrayList<>();
        Set<URI> tried = new HashSet<>();
        for (EngineCandidate candidate : candidates) {
            if (!preference.admits(candidate.kind())) {
                continue;
            }
            if (candidate.endpoint().isEmpty()) {
                failures.add(candidate.description() + ": not set");
                continue;
            }
            URI endpoint = candidate.endpoint().get();
            if (!tried.add(endpoint)) {
                continue;
            }
            try {
                ContainerRuntime runtime = connector.connect(endpoint);
                LOG.info("using {} found through {}", runtime.engine().describe(), candidate.description());
                return runtime;
            } catch (EngineUnavailableException e) {
                failures.add(candidate.description() + " at " + endpoint + ": " + e.getMessage());
            }
        }
        throw new EngineUnavailableException("no container engine answered (runtime " + preference.id()
                + "); tried:\n  - " + String.join("\n  - ", failures));
    }
}
