package io.slipway.cli.api;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the REST client for one run of the CLI. */
public final class ApiClients {

    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    private ApiClients() {}

    /**
     * @param readTimeoutSeconds how long an answer may take; a followed log stream needs as long as the deployment
     * @param verbose where requests are shown, or null
     */
    public static SlipwayApi create(
            URI url, String token, RawBodies rawBodies, PrintStream verbose, long readTimeoutSeconds) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(readTimeoutSeconds, TimeUnit.SECONDS)
                .register(new BearerToken(token))
                .register(rawBodies)
                .register(new ProblemMapper());
        if (verbose != null) {
            builder.register(new RequestLog(verbose));
        }
        return builder.build(SlipwayApi.class);
    }
}
