package io.slipway.gateway.webhook;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs one webhook delivery, to an address the {@link WebhookAddressPolicy} allows. The URL's host is resolved once,
 * every address it resolves to is checked, and the connection goes to exactly the address checked (Vert.x's
 * {@link RequestOptions#setServer}), while the Host header, the TLS server name and the certificate check still use
 * the URL's host. So a name cannot resolve to a public address when checked and to loopback when connected (DNS
 * rebinding). Redirects are never followed; the connection is closed once the status is known, so a receiver's body
 * is never read.
 */
final class WebhookClient implements AutoCloseable {

    /** How a host becomes addresses: the JDK's resolver, which also reads numeric forms such as {@code 2130706433}. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * What became of one attempt: the receiver's status, an error (no answer, nothing at that name), or a refusal of
     * the address, which no retry would change.
     */
    record Outcome(Integer statusCode, String error, boolean refused) {

        static Outcome answered(int statusCode) {
            return new Outcome(statusCode, null, false);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error, false);
        }

        static Outcome refusedBecause(String reason) {
            return new Outcome(null, "refused: " + reason, true);
        }
    }

    private final HttpClient http;
    private final WebhookAddressPolicy policy;
    private final Resolver resolver;
    private final Duration timeout;

    /** @param timeout how long the receiver may take to accept the connection, and then to answer */
    WebhookClient(Vertx vertx, WebhookAddressPolicy policy, Resolver resolver, Duration timeout) {
        // One connection per attempt: each attempt resolves and checks the host again.
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        this.policy = policy;
        this.resolver = resolver;
        this.timeout = timeout;
    }

    WebhookClient(Vertx vertx, WebhookAddressPolicy policy, Duration timeout) {
        this(vertx, policy, InetAddress::getAllByName, timeout);
    }

    /** Sends the body to {@code url}, an absolute http or https URL as {@link WebhookUrls} accepts it. */
    Outcome post(String url, Map<String, String> headers, String body) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Outcome.refusedBecause("not a URL: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null) {
            return Outcome.refusedBecause("not an http or https URL with a host");
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress pinned;
        try {
            pinned = checkedAddress(host);
        } catch (UnknownHostException e) {
            return Outcome.failed("cannot resolve " + host);
        } catch (RefusedAddressException e) {
            return Outcome.refusedBecause(e.getMessage());
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(pinned, port)))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(requestTarget(uri))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Future<Integer> status = http.request(request).compose(req -> {
            sent.set(req);
            return req.send(Buffer.buffer(body)).map(response -> {
                req.connection().close();
                return response.statusCode();
            });
        });
        try {
            // Connecting and answering each get the timeout.
            return Outcome.answered(status.toCompletionStage()
                    .toCompletableFuture()
                    .get(2 * timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            Optional.ofNullable(sent.get()).ifPresent(HttpClientRequest::reset);
            return Outcome.failed("no answer within " + timeout.toSeconds() + "s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Outcome.failed(
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    /** The first address {@code host} resolves to, once every one of them is allowed. */
    private InetAddress checkedAddress(String host) throws UnknownHostException, RefusedAddressException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host + ": " + refusal.get());
            }
        }
        return addresses[0];
    }

    private static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static final class RefusedAddressException extends Exception {
        RefusedAddressException(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
