package io.slipway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Guessing tokens: requests from 127.0.0.2 (any loopback address reaches the gateway on 127.0.0.1), so the
 * refusal of that address never touches the other tests, which call from 127.0.0.1.
 */
@QuarkusTest
class GuessingTests {

    private static final String GUESSER = "127.0.0.2";

    @Test
    void moreThanTwentyFailuresFromOneAddressAre429WhileAValidTokenFromAnotherIsServed() throws IOException {
        for (int i = 0; i < 20; i++) {
            assertThat(get(GUESSER, "Bearer slp_guess" + i)).startsWith("HTTP/1.1 401");
        }

        String refused = get(GUESSER, "Bearer slp_guess-next");
        assertThat(refused).startsWith("HTTP/1.1 429");
        assertThat(refused).containsIgnoringCase("retry-after: ");
        assertThat(refused).containsIgnoringCase("content-type: application/problem+json");
        assertThat(get(GUESSER, "Bearer " + Api.token()))
                .as("the address is refused whatever it presents")
                .startsWith("HTTP/1.1 429");
        assertThat(get("127.0.0.1", "Bearer " + Api.token()))
                .as("a valid token from another address")
                .startsWith("HTTP/1.1 200");
    }

    private static String get(String from, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET /api/v1/apps?limit=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
