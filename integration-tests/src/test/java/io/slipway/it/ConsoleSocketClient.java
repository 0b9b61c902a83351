package io.slipway.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A client of a run's console ({@code /api/v1/runs/{id}/attach}) as a terminal is: what it printed, read as text. */
final class ConsoleSocketClient implements WebSocket.Listener, AutoCloseable {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partialText = new StringBuilder();
    private WebSocket socket;

    static ConsoleSocketClient attach(URI gateway, String runId, String token) throws Exception {
        ConsoleSocketClient client = new ConsoleSocketClient();
        URI uri = URI.create(gateway.toString().replaceFirst("^http", "ws") + "/api/v1/runs/" + runId + "/attach");
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, client)
                .get(30, TimeUnit.SECONDS);
        return client;
    }

    void type(String input) {
        socket.sendBinary(ByteBuffer.wrap(input.getBytes(StandardCharsets.UTF_8)), true)
                .join();
    }

    void resize(int cols, int rows) {
        socket.sendText("{\"resize\": {\"cols\": " + cols + ", \"rows\": " + rows + "}}", true)
                .join();
    }

    /** Everything the console printed so far. */
    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    List<String> texts() {
        return texts;
    }

    /** The close code, once the gateway closed the socket. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (screen) {
            screen.writeBytes(bytes);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            texts.add(partialText.toString());
            partialText.setLength(0);
        }
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

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            } catch (Exception gone) {
                socket.abort();
            }
        }
    }
}
