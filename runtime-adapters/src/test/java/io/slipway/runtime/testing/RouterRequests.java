package io.slipway.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests to the router on loopback, about 20 a second until stopped (and never more than
 * {@link #MAX_REQUESTS}), each on a connection of its own, as separate clients would send them.
 */
public final class RouterRequests implements AutoCloseable {

    public static final int MAX_REQUESTS = 6000;
    private static final long PAUSE_MILLIS = 50;

    /** @param status 0 when no HTTP answer came at all */
    public record Answer(int status, String body, long sentAt) {}

    private final int port;
    private final String host;
    private final List<Answer> answers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread loop;

    private RouterRequests(int port, String host) {
        this.port = port;
        this.host = host;
        this.loop = new Thread(this::run, "router-requests");
    }

    public static RouterRequests start(int port, String host) {
        RouterRequests requests = new RouterRequests(port, host);
        requests.loop.start();
        return requests;
    }

    /** One request: the status and the body, stripped. */
    public static Answer get(int port, String host) {
        long sentAt = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.") || headersEnd < 0) {
                return new Answer(0, "no HTTP answer: " + response, sentAt);
            }
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.substring(headersEnd + 4).strip(), sentAt);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, "failed: " + e, sentAt);
        }
    }

    private void run() {
        for (int sent = 0; running.get() && sent < MAX_REQUESTS; sent++) {
            Answer answer = get(port, host);
            synchronized (answers) {
                answers.add(answer);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sending and returns every answer, in the order the requests were sent. */
    public List<Answer> stop() throws InterruptedException {
        running.set(false);
        loop.join();
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
