package io.slipway.cli.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client of an interactive run's console ({@code /api/v1/runs/{id}/attach}): what {@code in} gives is typed into
 * the console as binary frames, what the console's TTY prints goes to {@code out}, resizes go as text frames, and the
 * gateway's closing {@code {"ended": {...}}} gives the exit code. The token goes in the {@code Authorization} header.
 */
public final class ConsoleAttach implements WebSocket.Listener {

    private static final Duration CONNECT = Duration.ofSeconds(30);
    private static final int READ_BUFFER = 4096;
    /** Ctrl-D: what a TTY reads as the end of input. */
    private static final byte END_OF_INPUT = 4;

    private final ObjectMapper json;
    private final OutputStream out;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private volatile Integer exitCode;
    private volatile String refusal;
    private WebSocket socket;

    public ConsoleAttach(ObjectMapper json, OutputStream out) {
        this.json = json;
        this.out = out;
    }

    /** The console's address: the gateway's URL with a WebSocket scheme. */
    public static URI attachUri(URI gateway, String runId) {
        String base = gateway.toString().replaceFirst("^http", "ws");
        return URI.create(base.endsWith("/") ? base : base + "/").resolve("api/v1/runs/" + runId + "/attach");
    }

    /**
     * Connects; a refused handshake throws.
     *
     * @throws IOException naming the refusal's HTTP status
     */
    public void connect(URI gateway, String token, String runId) throws IOException {
        try {
            socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(CONNECT)
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(attachUri(gateway, runId), this)
                    .orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new IOException("the gateway refused the console: HTTP "
                        + refused.getResponse().statusCode());
            }
            throw new IOException("cannot reach the console: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Types what {@code in} gives, on a thread of its own, until it ends or the console does; at the end of piped
     * input a Ctrl-D follows, which ends a shell (or a REPL) at its prompt as the end of its input would.
     */
    public void typeFrom(InputStream in) {
        Thread typing = new Thread(
                () -> {
                    byte[] buffer = new byte[READ_BUFFER];
                    try {
                        for (int read; !ended.isDone() && (read = in.read(buffer)) >= 0; ) {
                            if (read > 0) {
                                ByteBuffer keys = ByteBuffer.wrap(Arrays.copyOf(buffer, read));
                                send(webSocket -> webSocket.sendBinary(keys, true));
                            }
                        }
                        if (!ended.isDone()) {
                            send(webSocket -> webSocket.sendBinary(ByteBuffer.wrap(new byte[] {END_OF_INPUT}), true));
                        }
                    } catch (IOException | CompletionException stopped) {
                        // The console ended or the input broke: the end is what the gateway says.
                    }
                },
                "slipway-console-input");
        typing.setDaemon(true);
        typing.start();
    }

    public void resize(int columns, int rows) {
        if (columns > 0 && rows > 0 && !ended.isDone()) {
            String resize = json.createObjectNode()
                    .set("resize", json.createObjectNode().put("cols", columns).put("rows", rows))
                    .toString();
            try {
                send(webSocket -> webSocket.sendText(resize, true));
            } catch (CompletionException closed) {
                // The console ended meanwhile: its end is what the gateway says.
            }
        }
    }

    /**
     * Sends one frame and waits until it went. A WebSocket takes one send at a time and fails the next while one is
     * under way: a resize (the window's signal, on a thread of its own) waits for the keys being typed, and they
     * for it, instead of being lost.
     */
    private synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> frame) {
        frame.apply(socket).join();
    }

    /** The console's socket, for a test that has its own. */
    void attached(WebSocket socket) {
        this.socket = socket;
    }

    /**
     * Waits for the console's end.
     *
     * @return the command's exit code when it exited by itself, else 1
     * @throws IOException when the gateway closed without an end, with its reason
     */
    public int awaitEnd() throws IOException {
        int closeCode = ended.join();
        if (exitCode != null) {
            return exitCode;
        }
        throw new IOException("the console closed (" + closeCode + ")" + (refusal == null ? "" : ": " + refusal));
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            webSocket.abort();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            read(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void read(String message) {
        try {
            JsonNode node = json.readTree(message);
            JsonNode end = node.path("ended");
            if (end.isObject()) {
                boolean exited = end.path("exitCode").isInt();
                exitCode = "SUCCEEDED".equals(end.path("status").asText())
                        ? 0
                        : exited && end.path("exitCode").asInt() != 0
                                ? end.path("exitCode").asInt()
                                : 1;
            } else if (node.path("error").isTextual()) {
                refusal = node.path("error").asText();
            }
        } catch (IOException notJson) {
            refusal = "an unreadable message from the gateway";
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (reason != null && !reason.isBlank()) {
            refusal = reason;
        }
        ended.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        refusal = error.getMessage();
        ended.complete(-1);
    }
}
