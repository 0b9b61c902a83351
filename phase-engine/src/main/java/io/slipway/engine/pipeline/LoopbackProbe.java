package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ExecResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Probes a web container where the router will reach it, its published address on the host's loopback,
 * and runs command checks inside the container through the engine. The published port is the container's
 * {@code PORT}; a check of another port is made from inside the container ({@code nc -z}), since only
 * {@code PORT} is published.
 */
public final class LoopbackProbe implements HealthProbe {

    /** A response in a log line or a reason: enough to see what answered. */
    static final int MAX_RESPONSE = 200;

    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /**
     * How long a connection must stay open to count as accepted by the app. A port forwarder with nothing
     * behind it closes within milliseconds; every deploy waits this long once.
     */
    private static final Duration HELD_OPEN = Duration.ofMillis(250);

    private final ContainerRuntime runtime;
    private final int publishedPort;
    private final HttpClient http;

    /** @param publishedPort the container port that is published: the processes' {@code PORT} */
    public LoopbackProbe(ContainerRuntime runtime, int publishedPort) {
        this.runtime = runtime;
        this.publishedPort = publishedPort;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Attempt attempt(WebCheck check, String containerId, String address) {
        Duration timeout = check.timeout().compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : check.timeout();
        return switch (check.kind()) {
            case HTTP -> http(check, address, timeout);
            case COMMAND -> command(containerId, check, timeout);
            case LISTENING ->
                check.port() == publishedPort
                        ? connect(address, timeout)
                        : command(
                                containerId,
                                check,
                                timeout,
                                List.of("nc", "-z", "127.0.0.1", Integer.toString(check.port())));
            case UPTIME -> Attempt.passed("up");
        };
    }

    private Attempt http(WebCheck check, String address, Duration timeout) {
        if (check.port() != publishedPort) {
            return Attempt.failed("port " + check.port() + " is not published; only PORT " + publishedPort + " is");
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(requestUri(check, address))
                    .timeout(timeout)
                    .GET();
            check.httpHeaders().forEach(request::header);
        } catch (URISyntaxException e) {
            return Attempt.failed("cannot send this check: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // A header the HTTP client reserves (Host, Connection, ...).
            return Attempt.failed("cannot send this check: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String answer = "HTTP " + response.statusCode() + " " + shorten(response.body());
            boolean statusOk = response.statusCode() >= 200 && response.statusCode() < 400;
            boolean contentOk =
                    check.content().map(text -> response.body().contains(text)).orElse(true);
            if (statusOk && !contentOk) {
                return Attempt.failed(answer + " (without \"" + check.content().orElseThrow() + "\")");
            }
            return new Attempt(statusOk, answer);
        } catch (HttpTimeoutException e) {
            return Attempt.failed("no answer: " + describe(e));
        } catch (IOException e) {
            // Refused, or closed before an answer (a port forwarder with nothing listening behind it).
            return Attempt.unanswered("no answer: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted");
        }
    }

    /**
     * The check's URL, built from parts: an origin of the check's scheme and the container's published address,
     * and the check's path and query, parsed alone as a reference that must be an absolute path (no scheme, host or
     * fragment), resolved against that origin with its escapes kept as written. The result is checked to have
     * exactly that scheme, host and port, because {@link URI}'s constructor appends a scheme as it is given: a
     * scheme such as {@code http://127.0.0.1:2019/#} would otherwise name another host.
     *
     * @throws URISyntaxException when the parts cannot make a URL to that address
     */
    static URI requestUri(WebCheck check, String address) throws URISyntaxException {
        InetSocketAddress published = published(address);
        URI reference = new URI(check.path());
        if (reference.getScheme() != null
                || reference.getRawAuthority() != null
                || reference.getRawFragment() != null
                || reference.getRawPath() == null
                || !reference.getRawPath().startsWith("/")) {
            throw new URISyntaxException(check.path(), "the path must be an absolute path with an optional query");
        }
        URI origin = new URI(check.scheme(), null, published.getHostString(), published.getPort(), null, null, null);
        URI uri = origin.resolve(reference);
        if (!check.scheme().equals(uri.getScheme())
                || !published.getHostString().equals(uri.getHost())
                || published.getPort() != uri.getPort()) {
            throw new URISyntaxException(check.scheme(), "the scheme must be http or https");
        }
        return uri;
    }

    /** {@code 127.0.0.1:49153} (or {@code [::1]:49153}), as the engine reports it, unresolved. */
    private static InetSocketAddress published(String address) {
        int colon = address.lastIndexOf(':');
        return InetSocketAddress.createUnresolved(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    private Attempt command(String containerId, WebCheck check, Duration timeout) {
        return command(containerId, check, timeout, check.command());
    }

    private Attempt command(String containerId, WebCheck check, Duration timeout, List<String> cmd) {
        try {
            ExecResult result = runtime.exec(containerId, cmd, timeout);
            String answer = result.exitCode() < 0
                    ? "no end within " + timeout.toSeconds() + "s"
                    : "exit code " + result.exitCode()
                            + (result.output().isEmpty() ? "" : ": " + shorten(result.output()));
            return new Attempt(result.succeeded(), answer);
        } catch (ContainerRuntimeException e) {
            return Attempt.failed(shorten(e.getMessage()));
        }
    }

    /**
     * A connection alone proves nothing: Docker's and rootless Podman's port forwarders accept on the
     * host's side whether or not anything listens in the container, then close the connection at once.
     * A listening app holds the connection open (or greets): that is the pass.
     */
    private static Attempt connect(String address, Duration timeout) {
        InetSocketAddress published = published(address);
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(published.getHostString(), published.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) HELD_OPEN.toMillis());
            try {
                return socket.getInputStream().read() < 0
                        ? Attempt.failed("connection to " + address + " closed at once: nothing listens on the port")
                        : Attempt.passed("connected to " + address);
            } catch (SocketTimeoutException heldOpen) {
                return Attempt.passed("connected to " + address);
            }
        } catch (IOException e) {
            return Attempt.failed("cannot connect to " + address + ": " + describe(e));
        }
    }

    static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_RESPONSE ? line.substring(0, MAX_RESPONSE) + "…" : line;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
