package io.slipway.gateway;

import static io.slipway.gateway.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The gateway works on at most {@code slipway.gateway.max-requests-in-flight} requests at once: held open by
 * clients that send a request's headers and not its body, they make the next request a 503 problem with {@code
 * Retry-After}, and an event stream still gets through; once they go, requests are answered again.
 */
@QuarkusTest
class RequestsInFlightTests {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void requestsBeyondTheBoundAreRefusedAt503UntilTheOnesInFlightEnd() throws IOException {
        int bound = ConfigProvider.getConfig().getValue("slipway.gateway.max-requests-in-flight", Integer.class);
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < bound; i++) {
                held.add(postWithoutItsBody());
            }
            await().atMost(SETTLE).until(() -> appList().statusCode() == 503);
            Response refused = appList();

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail"))
                    .contains("working on " + bound + " requests already")
                    .contains("max-requests-in-flight");
            // A stream is not counted: this one reaches the API, which knows no such app.
            Api.api()
                    .header("Accept", "text/event-stream")
                    .get("/api/v1/apps/no-such-app/logs")
                    .then()
                    .statusCode(404);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(SETTLE).until(() -> appList().statusCode() == 200);
    }

    private static Response appList() {
        return Api.api().get("/api/v1/apps");
    }

    /** A request the gateway admits and then waits on: its body never comes. */
    private static Socket postWithoutItsBody() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        socket.getOutputStream()
                .write(("POST /api/v1/apps HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }
}
