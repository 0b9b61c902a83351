package io.slipway.engine.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.WorkerApi;
import io.slipway.contract.WorkerApi.Claim.Verdict;
import io.slipway.contract.WorkerApi.ClaimRequest;
import io.slipway.engine.pipeline.DeploymentOrders;
import io.slipway.engine.pipeline.SetupMarks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's HTTP calls, against a gateway of the test's own on loopback. */
class GatewayClientTests {

    private static final String TOKEN = "worker-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile byte[] answer = new byte[0];

    @TempDir
    Path dir;

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private GatewayClient client(long maxContextBytes) {
        URI gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new GatewayClient(gateway, TOKEN, new ClaimRequest("w1", "edge"), maxContextBytes, JSON);
    }

    @Test
    void aClaimPostsTheWorkerAndPoolWithTheWorkerTokenAndReadsTheVerdict() throws Exception {
        answer = "{\"verdict\":\"WAIT\",\"reason\":\"an earlier deployment runs\"}".getBytes(StandardCharsets.UTF_8);

        WorkerApi.Claim claim = client(100).claim("d1");

        assertThat(claim.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("POST " + WorkerApi.claimPath("d1") + " Bearer " + TOKEN + " ");
        String body = requests.get(0).substring(requests.get(0).indexOf('{'));
        assertThat(JSON.readValue(body, ClaimRequest.class)).isEqualTo(new ClaimRequest("w1", "edge"));
    }

    @Test
    void theSetupMarkIsAskedAtItsOwnPathAndOnlyAGrantRunsTheTask() {
        DeploymentOrder order =
                DeploymentOrders.anImageDeploy().deploymentId("d1").build();
        answer = "{\"verdict\":\"GRANTED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(client(100).mark(order)).isTrue();
        assertThat(requests.get(0)).startsWith("POST " + WorkerApi.setupPath("d1") + " Bearer " + TOKEN + " ");

        answer = "{\"verdict\":\"REFUSED\",\"reason\":\"runs once per app\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(client(100).mark(order)).isFalse();

        status = 503;
        assertThatThrownBy(() -> client(100).mark(order))
                .isInstanceOf(SetupMarks.Unavailable.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageNotContaining(TOKEN);
        assertThat(requests).hasSize(3);
    }

    @Test
    void anAnswerOtherThanAVerdictIsAnUnavailableGatewayThatNeverShowsTheToken() {
        status = 503;

        assertThatThrownBy(() -> client(100).claim("d1"))
                .isInstanceOf(GatewayUnavailable.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageNotContaining(TOKEN);
        status = 200;
        answer = "not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> client(100).claim("d1")).isInstanceOf(GatewayUnavailable.class);
    }

    @Test
    void aStoppedGatewayIsUnavailable() {
        GatewayClient client = client(100);
        server.stop(0);

        assertThatThrownBy(() -> client.claim("d1")).isInstanceOf(GatewayUnavailable.class);
    }

    @Test
    void theBuildContextIsDownloadedWithTheWorkerToken() throws Exception {
        answer = "a tar, as uploaded".getBytes(StandardCharsets.UTF_8);
        Path target = dir.resolve("context.tar");

        client(100).downloadBuildContext("d1", target);

        assertThat(target).hasBinaryContent(answer);
        assertThat(requests).containsExactly("GET " + WorkerApi.buildContextPath("d1") + " Bearer " + TOKEN + " ");
    }

    @Test
    void aBuildContextLargerThanTheBoundIsRefused() {
        answer = new byte[101];

        assertThatThrownBy(() -> client(100).downloadBuildContext("d1", dir.resolve("context.tar")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("larger than 100 bytes");
    }

    @Test
    void aRefusedDownloadIsAnUnavailableGateway() {
        status = 404;

        assertThatThrownBy(() -> client(100).downloadBuildContext("d1", dir.resolve("context.tar")))
                .isInstanceOf(GatewayUnavailable.class)
                .hasMessageContaining("HTTP 404");
        assertThat(Files.exists(dir.resolve("context.tar"))).isFalse();
    }
}
