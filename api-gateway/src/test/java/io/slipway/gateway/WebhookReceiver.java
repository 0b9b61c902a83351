package io.slipway.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that records every request and refuses the first {@code failures} of them. */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String event, String delivery, String signature, String host, String body, int answered) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger toRefuse;

    public WebhookReceiver(int failures) throws IOException {
        this.toRefuse = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = toRefuse.getAndDecrement() > 0 ? 503 : 204;
            synchronized (requests) {
                requests.add(new Request(
                        exchange.getRequestHeaders().getFirst("Slipway-Event"),
                        exchange.getRequestHeaders().getFirst("Slipway-Delivery"),
                        exchange.getRequestHeaders().getFirst("Slipway-Signature"),
                        exchange.getRequestHeaders().getFirst("Host"),
                        body,
                        status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/hook} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
