package io.slipway.gateway;

import static io.slipway.gateway.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
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
 * clients that send a request's headers and not its body (whatever they say they accept), they make the next request,
 * an event stream's too, a 503 problem with {@code Retry-After}; once they go, requests are answered again. An event
 * stream counts only until its headers are written: as many open follows as the bound leave room for more.
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
                held.add(postWithoutItsBody(i));
            }
            Response refused = await().atMost(SETTLE)
                    .until(
                            () -> {
                                sendAgainTheRefused(held);
                                return appList();
                            },
                            answer -> answer.statusCode() == 503);

            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail"))
                    .contains("working on " + bound + " requests already")
                    .contains("max-requests-in-flight");
            Api.api()
                    .header("Accept", "text/event-stream")
                    .get("/api/v1/apps/no-such-app/logs")
                    .then()
                    .statusCode(503);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(SETTLE).until(() -> appList().statusCode() == 200);
    }

    /**
     * The gateway reads the held requests as they come, and the test's own app list may take the last slot before
     * the last of them arrives: that one is refused (its answer is waiting to be read) and is sent again.
     */
    private static void sendAgainTheRefused(List<Socket> held) throws IOException {
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).getInputStream().available() > 0) {
                held.get(i).close();
                held.set(i, postWithoutItsBody(i));
            }
        }
    }

    @Test
    void openEventStreamsLeaveRoomForRequests() throws IOException {
        int bound = ConfigProvider.getConfig().getValue("slipway.gateway.max-requests-in-flight", Integer.class);
        String app = Api.newApp();
        List<Socket> follows = new ArrayList<>();
        try {
            for (int i = 0; i < bound; i++) {
                follows.add(followWithHeadersRead(app));
            }

            assertThat(appList().statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : follows) {
                socket.close();
            }
        }
    }

    /** Follows the app's logs and reads the answer's headers: the stream is open, and stays so. */
    private static Socket followWithHeadersRead(String app) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        socket.setSoTimeout((int) SETTLE.toMillis());
        socket.getOutputStream()
                .write(("GET /api/v1/apps/" + app + "/logs?tail=0 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                + token() + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        StringBuilder head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").containsIgnoringCase("text/event-stream");
        return socket;
    }

    private static Response appList() {
        return Api.api().get("/api/v1/apps");
    }

    /**
     * A request the gateway admits and then waits on: its body never comes. Every other one says it accepts an event
     * stream as well, which does not make it one.
     */
    private static Socket postWithoutItsBody(int index) throws IOException {
        String accept = index % 2 == 0 ? "application/json" : "text/event-stream, application/json";
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        socket.getOutputStream()
                .write(("POST /api/v1/apps HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                                + "\r\nAccept: " + accept
                                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }
}
