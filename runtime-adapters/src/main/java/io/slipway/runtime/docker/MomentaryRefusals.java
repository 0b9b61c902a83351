package io.slipway.runtime.docker;

import io.slipway.runtime.ContainerRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine answers that refuse a call only for a moment: a call one of them refuses is made again, up to
 * {@code attempts} calls with {@code pause} between them. Any other failure, and the last attempt's, counts at once.
 *
 * @param texts what the engine's message holds when the refusal passes
 */
record MomentaryRefusals(List<String> texts, int attempts, Duration pause) {

    private static final Logger LOG = LoggerFactory.getLogger(MomentaryRefusals.class);

    MomentaryRefusals {
        texts = List.copyOf(texts);
    }

    /** @param what the call, as the log names it */
    <T> T call(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ContainerRuntimeException e) {
                String message = String.valueOf(e.getMessage());
                if (attempt == attempts || texts.stream().noneMatch(message::contains)) {
                    throw e;
                }
                LOG.debug("{} was refused for a moment ({}); trying again", what, message);
                pauseBefore(what);
            }
        }
    }

    private void pauseBefore(String what) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("interrupted while waiting to try " + what + " again");
        }
    }
}
