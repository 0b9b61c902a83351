package io.slipway.engine.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.slipway.contract.WorkerApi.Claim.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's side of the worker API on loopback, for a worker under test: claims answer what the test set
 * for the deployment (granted unless told otherwise), build contexts are the bytes the test put there, and
 * every request is recorded.
 */
public class FakeGateway implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "worker-token-" + UUID.randomUUID();
    static final String WORKER_ID =
            "test-worker-" + UUID.randomUUID().toString().substring(0, 8);

    private static final Pattern CALL = Pattern.compile("/api/v1/worker/deployments/([^/]+)/(claim|context)");

    static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();
    static final Map<String, byte[]> CONTEXTS = new ConcurrentHashMap<>();
    static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

    record Request(String method, String deploymentId, String call, String authorization, String body) {}

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the fake gateway", e);
        }
        server.createContext("/", FakeGateway::answer);
        server.start();
        return Map.of(
                "slipway.gateway-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "slipway.worker-token",
                TOKEN,
                "slipway.worker-id",
                WORKER_ID,
                "slipway.worker-lease",
                "3s");
    }

    private static void answer(HttpExchange exchange) throws IOException {
        Matcher call = CALL.matcher(exchange.getRequestURI().getPath());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!call.matches()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String id = call.group(1);
        REQUESTS.add(new Request(
                exchange.getRequestMethod(),
                id,
                call.group(2),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body));
        byte[] answer = call.group(2).equals("claim")
                ? ("{\"verdict\":\"" + VERDICTS.getOrDefault(id, Verdict.GRANTED) + "\",\"reason\":null}")
                        .getBytes(StandardCharsets.UTF_8)
                : CONTEXTS.get(id);
        if (answer == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    static List<Request> requestsFor(String deploymentId, String call) {
        return REQUESTS.stream()
                .filter(request -> request.deploymentId().equals(deploymentId)
                        && request.call().equals(call))
                .toList();
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
