package io.slipway.runtime.docker;

import io.slipway.runtime.Terminal;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A terminal's stdin as the stream the attach copies to the engine: what is typed waits here, bounded, until the
 * attach's copying thread reads it; closing it ends the stream. A pipe's stream is not used, since it fails when
 * the thread that last wrote to it ends, and a WebSocket's writes come from threads of a pool.
 */
final class TypedInput extends InputStream {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> typed = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private long pending;
    private boolean ended;

    void type(byte[] input) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (pending + input.length > Terminal.MAX_PENDING_INPUT) {
                throw new IllegalStateException(
                        "the console does not read its input: more than " + Terminal.MAX_PENDING_INPUT + " bytes wait");
            }
            pending += input.length;
        }
        typed.add(input.clone());
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length) {
            try {
                current = typed.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the console's input was given up on");
            }
            position = 0;
            if (current == END) {
                typed.add(END);
                return -1;
            }
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        synchronized (this) {
            pending -= count;
        }
        return count;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        typed.add(END);
    }
}
