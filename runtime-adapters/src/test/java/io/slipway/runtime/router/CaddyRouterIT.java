package io.slipway.runtime.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.slipway.runtime.testing.RouterRequests;
import io.slipway.runtime.testing.TestEngines;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real Caddy the services script starts, given routes through its admin API; requests only on loopback. */
class CaddyRouterIT {

    private static final int ROUTER_PORT = 18091;
    private static final int REQUESTS = 40;

    @Test
    void anUpstreamThatRefusesConnectionsCostsARetryOnAnotherNotAFailedRequest() throws IOException {
        RouterSettings settings = new RouterSettings(
                RouterSettings.CADDY,
                URI.create(TestEngines.endpoint("caddy.admin")),
                "localhost",
                "127.0.0.1:" + ROUTER_PORT);
        Router router = settings.connect();
        String app = "router-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpServer live = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        live.createContext("/", exchange -> {
            byte[] body = "up".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        live.start();
        try {
            router.route(
                    app,
                    List.of(refusingAddress(), "127.0.0.1:" + live.getAddress().getPort()));

            List<String> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                RouterRequests.Answer answer = RouterRequests.get(ROUTER_PORT, settings.host(app));
                answers.add(answer.status() + " " + answer.body());
            }

            assertThat(answers).hasSize(REQUESTS).containsOnly("200 up");
        } finally {
            router.route(app, List.of());
            live.stop(0);
        }
    }

    /** A loopback port nothing listens on: taken from the kernel, then given back. */
    private static String refusingAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
