package io.slipway.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A console's client over the JDK's WebSocket: what the TTY printed, the text frames, and the close. */
final class ConsoleClient implements WebSocket.Listener {

    private static final Duration CONNECT = Duration.ofSeconds(30);

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;

    /** Opens the console of run {@code id} under {@code runs} (the runs' http URL); {@code handshake} adds the token. */
    static ConsoleClient open(URI runs, String id, UnaryOperator<WebSocket.Builder> handshake) {
        ConsoleClient client = new ConsoleClient();
        client.socket = handshake
                .apply(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(CONNECT))
                .buildAsync(attachUri(runs, id), client)
                .orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** The HTTP status that refused the handshake. */
    static int refusal(URI runs, String id, UnaryOperator<WebSocket.Builder> handshake) {
        try {
            open(runs, id, handshake).socket.abort();
            throw new AssertionError("the handshake was not refused");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static URI attachUri(URI runs, String id) {
        return URI.create(runs.toString().replaceFirst("^http", "ws")).resolve(id + "/attach");
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void type(String input) {
        socket.sendBinary(ByteBuffer.wrap(input.getBytes(StandardCharsets.UTF_8)), true)
                .join();
    }

    void send(String textFrame) {
        socket.sendText(textFrame, true).join();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    synchronized String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    List<String> texts() {
        return texts;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** The close's status code. */
    int awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (this) {
            screen.writeBytes(bytes);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            texts.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
