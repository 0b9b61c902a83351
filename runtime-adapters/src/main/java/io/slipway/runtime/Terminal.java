package io.slipway.runtime;

import java.time.Duration;

/**
 * A running container with a TTY and an open stdin that its caller types into: a console such as {@code sh}. What
 * the TTY prints goes to the screen given when it was opened, on a thread of the runtime's. Safe for use from
 * several threads: one types while another waits for the end.
 */
public interface Terminal extends AutoCloseable {

    /** The container's id. */
    String containerId();

    /**
     * Sends bytes to the container's stdin as typed, in the order of the calls; returns at once.
     *
     * @throws IllegalStateException when more than {@link #MAX_PENDING_INPUT} bytes wait to be sent: the
     *     container does not read what it is sent
     */
    void type(byte[] input);

    /** Changes the TTY's size; a container that has ended is fine. */
    void resize(int columns, int rows);

    /**
     * Waits until the container ends, at most {@code timeout} after which it is killed ({@link TaskOutcome#TIMED_OUT});
     * a cancel or a {@link #close()} kills it ({@link TaskOutcome#CANCELLED}). The container is removed before this
     * returns, however it ended. An interrupt of the calling thread kills it too, and sets the flag again on return.
     */
    TaskResult awaitEnd(Duration timeout, Cancellation cancellation);

    /** Kills the container (the caller went away); {@link #awaitEnd} then removes it. Safe to call more than once. */
    @Override
    void close();

    /** How many typed bytes may wait for the container to read them. */
    int MAX_PENDING_INPUT = 1 << 20;
}
