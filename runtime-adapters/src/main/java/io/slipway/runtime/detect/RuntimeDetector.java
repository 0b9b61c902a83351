package io.slipway.runtime.detect;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineUnavailableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the engine a search names: the one named engine, or the first candidate that answers. Each failure is
 * one line: a named engine's names it and says why; a search's lists every candidate it skipped and why.
 */
public final class RuntimeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeDetector.class);

    private final EngineConnector connector;

    public RuntimeDetector(EngineConnector connector) {
        this.connector = connector;
    }

    public ContainerRuntime connect(EngineSearch search) {
        if (search.named()) {
            EngineCandidate named = search.candidates().get(0);
            URI endpoint = named.endpoint().orElseThrow();
            try {
                ContainerRuntime runtime = connector.connect(endpoint);
                LOG.info("using {} named by {}", runtime.engine().describe(), named.description());
                return runtime;
            } catch (EngineUnavailableException e) {
                throw new EngineUnavailableException(named.kind().name().toLowerCase(Locale.ROOT) + " at " + endpoint
                        + " (" + named.description() + "): " + e.getMessage());
            }
        }
        List<String> skipped = new ArrayList<>();
        for (EngineCandidate candidate : search.candidates()) {
            if (candidate.endpoint().isEmpty()) {
                skipped.add(candidate.description() + ": not set");
                continue;
            }
            URI endpoint = candidate.endpoint().get();
            try {
                ContainerRuntime runtime = connector.connect(endpoint);
                LOG.info(
                        "using {} found through {}{}",
                        runtime.engine().describe(),
                        candidate.description(),
                        skipped.isEmpty() ? "" : "; skipped " + String.join("; ", skipped));
                return runtime;
            } catch (EngineUnavailableException e) {
                skipped.add(candidate.description() + " at " + endpoint + ": " + e.getMessage());
            }
        }
        throw new EngineUnavailableException("no container engine answered (runtime "
                + search.preference().id() + "); tried " + String.join("; ", skipped));
    }
}
