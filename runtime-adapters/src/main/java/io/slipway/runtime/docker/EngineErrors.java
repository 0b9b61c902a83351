package io.slipway.runtime.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns docker-java's failures into Slipway's exceptions carrying the engine's own message.
 *
 * <p>docker-java reports an HTTP error as a {@link DockerException} and a broken socket as a plain
 * {@code RuntimeException} around an {@link IOException}; neither reaches the callers.
 */
final class EngineErrors {

    private final URI endpoint;

    EngineErrors(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Runs {@code operation}, translating its failure; {@code action} says what was being done. */
    <T> T call(String action, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw translate(action, e);
        }
    }

    void run(String action, Runnable operation) {
        call(action, () -> {
            operation.run();
            return null;
        });
    }

    ContainerRuntimeException translate(String action, Throwable failure) {
        if (failure instanceof ContainerRuntimeException alreadyTranslated) {
            return alreadyTranslated;
        }
        Optional<IOException> io = ioCause(failure);
        if (io.isPresent() && io.get() instanceof TarArchives.UnreadableArchiveException unreadable) {
            return new ContainerRuntimeException(
                    "cannot " + action + ": the archive cannot be read (" + unreadable.getMessage() + ")", failure);
        }
        if (io.isPresent() && !(failure instanceof DockerException)) {
            return new EngineUnavailableException(
                    "cannot " + action + ": the engine at " + endpoint + " does not answer (" + describe(io.get())
                            + ")",
                    failure);
        }
        return new ContainerRuntimeException(
                "cannot " + action + ": " + EngineMessages.of(failure.getMessage()), failure);
    }

    private static Optional<IOException> ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
