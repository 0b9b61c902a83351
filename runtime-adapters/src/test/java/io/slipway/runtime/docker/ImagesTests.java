package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.runtime.ContainerRuntimeException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which failed image reads are tried again: the answers Podman gives for a moment while other requests write images
 * (as it gave them, with the engine's own text), and no other.
 */
class ImagesTests {

    private static final String IMAGE_NOT_KNOWN =
            "engine error: cannot inspect image slipway/app:release-1: image not known";
    private static final String SIZE_NOT_KNOWN = "engine error: cannot inspect image slipway/app:release-1: failed to"
            + " convert ImageData to ImageInspect 'slipway/app:release-1': reading data blob size \"sha256:2478d6\""
            + " for \"2478d6\": size is not known";

    // Only the retry decision is under test: it asks none of the engine's clients.
    private final Images images = new Images(null, null, null, null);

    @Test
    void aReadTheEngineCouldNotAnswerForAMomentIsTriedAgain() {
        for (String answer : new String[] {IMAGE_NOT_KNOWN, SIZE_NOT_KNOWN}) {
            Supplier<String> read = failing(2, answer);

            assertThat(images.readAgainWhileUnknown("image slipway/app:release-1", read))
                    .as(answer)
                    .isEqualTo("read");
        }
    }

    @Test
    void anyOtherFailureCountsAtOnce() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> images.readAgainWhileUnknown("image x", () -> {
                    reads.incrementAndGet();
                    throw new ContainerRuntimeException("engine error: permission denied");
                }))
                .hasMessageContaining("permission denied");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadThatKeepsFailingCountsAfterFiveAttempts() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> images.readAgainWhileUnknown("image x", () -> {
                    reads.incrementAndGet();
                    throw new ContainerRuntimeException(SIZE_NOT_KNOWN);
                }))
                .hasMessageContaining("size is not known");
        assertThat(reads).hasValue(5);
    }

    private static Supplier<String> failing(int times, String answer) {
        AtomicInteger reads = new AtomicInteger();
        return () -> {
            if (reads.incrementAndGet() <= times) {
                throw new ContainerRuntimeException(answer);
            }
            return "read";
        };
    }
}
