package io.slipway.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.slipway.gateway.WebhookReceiver;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real delivery client, outside Quarkus, against a real receiver on loopback: without the operator's setting it
 * must never see a request, whatever spelling of its address a URL uses or whatever a name resolves to.
 */
class WebhookClientTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, String> HEADERS = Map.of("Slipway-Event", "deployment.started");

    private Vertx vertx;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        receiver = new WebhookReceiver(0);
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:%d/hook",
                "http://localhost:%d/hook",
                "http://2130706433:%d/hook",
                "http://0:%d/hook",
                "http://0.0.0.0:%d/hook",
                "http://[::ffff:127.0.0.1]:%d/hook"
            })
    void aLoopbackReceiverGetsNothingWithoutTheOperatorsSetting(String url) {
        WebhookClient.Outcome outcome;
        try (WebhookClient client = new WebhookClient(vertx, new WebhookAddressPolicy(false), TIMEOUT)) {
            outcome = client.post(url.formatted(receiver.port()), HEADERS, "{}");
        }

        assertThat(receiver.requests()).isEmpty();
        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error())
                .startsWith("refused: ")
                .containsAnyOf(" is a loopback address", " is an unspecified address")
                .endsWith("unless the operator sets SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true");
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsInternal() {
        Resolved rebinding = new Resolved(new String[] {"93.184.216.34", "127.0.0.1"});
        WebhookClient.Outcome outcome;
        try (WebhookClient client = new WebhookClient(vertx, new WebhookAddressPolicy(false), rebinding, TIMEOUT)) {
            outcome = client.post("http://hooks.example:" + receiver.port() + "/hook", HEADERS, "{}");
        }

        assertThat(outcome.error())
                .isEqualTo("refused: hooks.example: 127.0.0.1 is a loopback address; webhooks reach only public"
                        + " addresses unless the operator sets SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true");
        assertThat(rebinding.lookups).containsExactly("hooks.example");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheUrlsHostNameAndEachAttemptResolvesAgain() {
        Resolved loopback = new Resolved(new String[] {"127.0.0.1"});
        List<WebhookClient.Outcome> outcomes = new ArrayList<>();
        try (WebhookClient client = new WebhookClient(vertx, new WebhookAddressPolicy(true), loopback, TIMEOUT)) {
            String url = "http://hooks.example:" + receiver.port() + "/hook?source=slipway";
            outcomes.add(client.post(url, HEADERS, "{\"n\": 1}"));
            outcomes.add(client.post(url, HEADERS, "{\"n\": 2}"));
        }

        assertThat(outcomes).containsExactly(WebhookClient.Outcome.answered(204), WebhookClient.Outcome.answered(204));
        assertThat(loopback.lookups).containsExactly("hooks.example", "hooks.example");
        assertThat(receiver.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.host()).isEqualTo("hooks.example:" + receiver.port());
            assertThat(request.event()).isEqualTo("deployment.started");
        });
        assertThat(receiver.requests())
                .extracting(WebhookReceiver.Request::body)
                .containsExactly("{\"n\": 1}", "{\"n\": 2}");
    }

    @Test
    void aRedirectIsAnAnswerNeverFollowed() throws IOException {
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", receiver.url());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        WebhookClient.Outcome outcome;
        try (WebhookClient client = new WebhookClient(vertx, new WebhookAddressPolicy(true), TIMEOUT)) {
            outcome = client.post("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/", HEADERS, "{}");
        } finally {
            redirecting.stop(0);
        }

        assertThat(outcome).isEqualTo(WebhookClient.Outcome.answered(307));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aNameThatResolvesToNothingIsAFailedAttemptToRetry() {
        WebhookClient.Outcome outcome;
        try (WebhookClient client =
                new WebhookClient(vertx, new WebhookAddressPolicy(false), new Resolved(new String[0]), TIMEOUT)) {
            outcome = client.post("https://hooks.example/deploys", HEADERS, "{}");
        }

        assertThat(outcome).isEqualTo(WebhookClient.Outcome.failed("cannot resolve hooks.example"));
    }

    /** A resolver with fixed answers, recording each lookup. */
    private static final class Resolved implements WebhookClient.Resolver {

        final List<String> lookups = new ArrayList<>();
        private final String[] literals;

        Resolved(String[] literals) {
            this.literals = literals;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            lookups.add(host);
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        }
    }
}
