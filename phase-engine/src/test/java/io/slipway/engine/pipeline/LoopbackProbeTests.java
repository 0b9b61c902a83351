package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP check only ever reaches the container's own published address, whatever its scheme, path and headers
 * say. Two listeners on loopback: the container's published port, and another service of the host (an admin API)
 * that must never see a request.
 */
class LoopbackProbeTests {

    private static final int PORT = 5000;

    private final List<String> containerRequests = new ArrayList<>();
    private final List<String> adminRequests = new ArrayList<>();
    private HttpServer container;
    private HttpServer admin;
    private String containerAddress;
    private int adminPort;

    @BeforeEach
    void listen() throws IOException {
        container = recordingServer(containerRequests, "app ok");
        admin = recordingServer(adminRequests, "{\"admin\": \"config\"}");
        containerAddress = "127.0.0.1:" + container.getAddress().getPort();
        adminPort = admin.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        container.stop(0);
        admin.stop(0);
    }

    @Test
    void aSchemeCarryingAnotherUrlIsNotSentAnywhere() {
        HealthProbe.Attempt attempt = probe().attempt(
                        check("http://127.0.0.1:" + adminPort + "/config/#", "/", Map.of("X-Token", "1")),
                        "container",
                        containerAddress);

        assertThat(adminRequests).as("the admin API is never asked").isEmpty();
        assertThat(containerRequests).isEmpty();
        assertThat(attempt.passed()).isFalse();
        assertThat(attempt.response()).startsWith("cannot send this check: the scheme must be http or https");
    }

    @Test
    void aPathNamingAnotherHostStaysAPathOfTheContainer() {
        List<String> paths = List.of(
                "@127.0.0.1:" + adminPort + "/config",
                "//127.0.0.1:" + adminPort + "/config",
                "/..@127.0.0.1:" + adminPort + "/config");
        List<HealthProbe.Attempt> attempts = paths.stream()
                .map(path -> probe().attempt(check("http", path, Map.of()), "container", containerAddress))
                .toList();

        assertThat(adminRequests).isEmpty();
        assertThat(attempts.get(0).response()).startsWith("cannot send this check");
        assertThat(attempts.get(1).response()).startsWith("cannot send this check");
        assertThat(attempts.get(2).passed()).isTrue();
        assertThat(containerRequests).containsExactly("GET /..@127.0.0.1:" + adminPort + "/config X-Check=null");
    }

    @Test
    void aCheckWithAQueryAndHeadersReachesTheContainerAsWritten() {
        HealthProbe.Attempt attempt = probe().attempt(
                        check("http", "/health?full=1&name=a%20b", Map.of("X-Check", "yes")),
                        "container",
                        containerAddress);

        assertThat(attempt).isEqualTo(new HealthProbe.Attempt(true, "HTTP 200 app ok"));
        assertThat(containerRequests).containsExactly("GET /health?full=1&name=a%20b X-Check=yes");
        assertThat(adminRequests).isEmpty();
    }

    @Test
    void anAttemptThatNothingAnsweredSaysSoAndAnAnswerDoesNot() throws IOException {
        HealthProbe.Attempt refused;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + closed.getLocalPort();
            closed.close();
            refused = probe().attempt(check("http", "/", Map.of()), "container", address);
        }
        HealthProbe.Attempt dropped;
        // What a port forwarder with nothing behind it does: accept, then close without a word.
        try (ServerSocket forwarder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                // Every connection: the HTTP client tries a GET again on a new one.
                while (!forwarder.isClosed()) {
                    try (Socket accepted = forwarder.accept()) {
                        accepted.setSoLinger(true, 0);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            closer.start();
            dropped =
                    probe().attempt(check("http", "/", Map.of()), "container", "127.0.0.1:" + forwarder.getLocalPort());
        }
        HealthProbe.Attempt answered = probe().attempt(
                        check("http", "/", Map.of()),
                        "container",
                        "127.0.0.1:" + admin.getAddress().getPort());

        assertThat(refused.unanswered()).as(refused.response()).isTrue();
        assertThat(dropped.unanswered()).as(dropped.response()).isTrue();
        assertThat(answered.passed()).isTrue();
        assertThat(answered.unanswered()).isFalse();
    }

    @Test
    void theUrlIsTheContainersAddressWithThePathAndQueryAsWritten() throws URISyntaxException {
        assertThat(LoopbackProbe.requestUri(check("https", "/a%20b/c?q=1&r=%2B%26", Map.of()), "127.0.0.1:49153"))
                .hasToString("https://127.0.0.1:49153/a%20b/c?q=1&r=%2B%26");
        assertThat(LoopbackProbe.requestUri(check("http", "/", Map.of()), "[::1]:49153"))
                .hasToString("http://[::1]:49153/");
    }

    @Test
    void partsThatWouldNameAnotherPlaceAreRefused() {
        String published = "127.0.0.1:49153";
        for (String scheme : List.of("http://127.0.0.1:2019/config/#", "http://127.0.0.1:2019", "ftp://x@", "h ttp")) {
            assertThrows(
                    URISyntaxException.class,
                    () -> LoopbackProbe.requestUri(check(scheme, "/", Map.of()), published),
                    scheme);
        }
        for (String path : List.of("@evil.example/", "//evil.example/", "http://evil.example/", "/x#y", "health")) {
            assertThrows(
                    URISyntaxException.class,
                    () -> LoopbackProbe.requestUri(check("http", path, Map.of()), published),
                    path);
        }
    }

    private LoopbackProbe probe() {
        return new LoopbackProbe(new RecordingRuntime(), PORT);
    }

    private static WebCheck check(String scheme, String path, Map<String, String> headers) {
        return new WebCheck(
                "hostile",
                WebCheck.Kind.HTTP,
                path,
                scheme,
                PORT,
                Optional.empty(),
                List.of(),
                1,
                Duration.ZERO,
                Duration.ofSeconds(2),
                Duration.ZERO,
                headers);
    }

    private static HttpServer recordingServer(List<String> requests, String answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery())
                        + " X-Check=" + exchange.getRequestHeaders().getFirst("X-Check"));
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
