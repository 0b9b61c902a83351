package io.slipway.cli.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleAttachTests {

    /** As the JDK's WebSocket does: a send while another is under way fails, with IllegalStateException. */
    private static final class OneSendAtATime implements WebSocket {

        final List<String> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> keysUnderWay = new CompletableFuture<>();
        private CompletableFuture<WebSocket> underWay = CompletableFuture.completedFuture(this);

        private synchronized CompletableFuture<WebSocket> send(String frame, long takesMillis) {
            if (!underWay.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException("Send pending"));
            }
            underWay = new CompletableFuture<>();
            CompletableFuture<WebSocket> sent = underWay;
            sent.completeOnTimeout(this, takesMillis, TimeUnit.MILLISECONDS).thenRun(() -> frames.add(frame));
            return sent.thenApply(webSocket -> webSocket);
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            return send("text " + data, 0);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            CompletableFuture<WebSocket> sent = send("binary " + StandardCharsets.UTF_8.decode(data), 500);
            keysUnderWay.complete(null);
            return sent;
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void request(long n) {}

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {}
    }

    @Test
    void aResizeWhileKeysAreSentWaitsForThemInsteadOfBeingLost() throws Exception {
        OneSendAtATime socket = new OneSendAtATime();
        ConsoleAttach console = new ConsoleAttach(new ObjectMapper(), new ByteArrayOutputStream());
        console.attached(socket);
        InputStream keys = new InputStream() {
            private final InputStream typed = new ByteArrayInputStream("ls\r".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = typed.read(buffer, offset, length);
                if (read < 0) {
                    // a terminal where nothing more is typed
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return read;
            }
        };

        console.typeFrom(keys);
        socket.keysUnderWay.get(10, TimeUnit.SECONDS);
        console.resize(99, 21);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (socket.frames.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(socket.frames).startsWith("binary ls\r", "text {\"resize\":{\"cols\":99,\"rows\":21}}");
    }
}
