package io.slipway.engine.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.WorkerApi;
import io.slipway.contract.WorkerApi.Claim;
import io.slipway.contract.WorkerApi.ClaimRequest;
import io.slipway.engine.pipeline.SetupMarks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A distributed worker's questions to the gateway ({@link WorkerApi}), with the worker token as bearer
 * token. Every call has a deadline, so an unanswering gateway delays a deployment but never hangs a worker;
 * errors name the call and the HTTP status, never the token.
 */
public final class GatewayClient implements ClaimAuthority, SetupMarks {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final URI gateway;
    private final String token;
    private final ClaimRequest self;
    private final long maxContextBytes;
    private final ObjectMapper json;
    private final HttpClient http;

    public GatewayClient(URI gateway, String token, ClaimRequest self, long maxContextBytes, ObjectMapper json) {
        String base = gateway.toString();
        this.gateway = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = token;
        this.self = self;
        this.maxContextBytes = maxContextBytes;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Claim claim(String deploymentId) {
        return ask(WorkerApi.claimPath(deploymentId));
    }

    /** Asked once: a setup task whose mark is not known to be stored does not run, and its deployment fails. */
    @Override
    public boolean mark(DeploymentOrder order) {
        try {
            return ask(WorkerApi.setupPath(order.deploymentId())).verdict() == Claim.Verdict.GRANTED;
        } catch (GatewayUnavailable e) {
            throw new SetupMarks.Unavailable(e.getMessage(), e);
        }
    }

    private Claim ask(String path) {
        HttpRequest request;
        try {
            request = authorized(path, CLAIM_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(self)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim request not writable", e);
        }
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), path);
        if (response.statusCode() != 200) {
            throw new GatewayUnavailable("POST " + path + " answered HTTP " + response.statusCode());
        }
        try {
            Claim claim = json.readValue(response.body(), Claim.class);
            if (claim.verdict() == null) {
                throw new GatewayUnavailable("POST " + path + " answered no verdict");
            }
            return claim;
        } catch (JsonProcessingException e) {
            throw new GatewayUnavailable("POST " + path + " answered no claim: " + e.getOriginalMessage());
        }
    }

    /**
     * Downloads a deployment's uploaded build context into {@code target}, refusing more than the configured
     * size. @throws GatewayUnavailable when the gateway does not hand it over
     */
    public void downloadBuildContext(String deploymentId, Path target) throws IOException {
        String path = WorkerApi.buildContextPath(deploymentId);
        HttpResponse<InputStream> response =
                send(authorized(path, DOWNLOAD_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream(), path);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new GatewayUnavailable("GET " + path + " answered HTTP " + response.statusCode());
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                copyAtMost(body, out, path);
            }
        }
    }

    private void copyAtMost(InputStream body, OutputStream out, String path) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = body.read(buffer)) >= 0; ) {
            total += read;
            if (total > maxContextBytes) {
                throw new IOException("the build context of " + path + " is larger than " + maxContextBytes
                        + " bytes (slipway.max-context-download)");
            }
            out.write(buffer, 0, read);
        }
    }

    private HttpRequest.Builder authorized(String path, Duration timeout) {
        return HttpRequest.newBuilder(gateway.resolve(gateway.getPath() + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String path) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new GatewayUnavailable(
                    request.method() + " " + path + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable(request.method() + " " + path + ": interrupted", e);
        }
    }
}
