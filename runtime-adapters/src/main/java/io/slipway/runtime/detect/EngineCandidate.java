package io.slipway.runtime.detect;

import io.slipway.runtime.EngineKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One place where an engine may answer.
 *
 * @param description what the place is, for logs and for the error listing every attempt
 * @param kind the engine expected there; {@link EnginePreference} filters on it, but the engine that
 *     answers is identified from its own answers (its ping, its version)
 * @param endpoint where to connect; empty when the variable or folder it derives from is not set
 */
public record EngineCandidate(String description, EngineKind kind, Optional<URI> endpoint) {

    /**
     * An endpoint given by an environment variable such as {@code DOCKER_HOST}.
     *
     * @throws IllegalArgumentException when the value is no URI: an operator's mistake to report, not
     *     a reason to fall back to another engine
     */
    static EngineCandidate variable(String name, EngineKind kind, Optional<String> value) {
        return new EngineCandidate(name, kind, value.map(endpoint -> {
            try {
                return new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(name + " is not an endpoint URI: " + e.getMessage(), e);
            }
        }));
    }

    /** A unix socket at a well-known path. */
    static EngineCandidate socket(String description, EngineKind kind, Optional<Path> socket) {
        return new EngineCandidate(
                description, kind, socket.map(path -> URI.create("unix://" + path.toAbsolutePath())));
    }
}
