package io.slipway.cli.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.PrintStream;

/** {@code --verbose}: each request's method and URL on stderr; never its headers (the token) or body (values). */
public final class RequestLog implements ClientRequestFilter {

    private final PrintStream err;

    public RequestLog(PrintStream err) {
        this.err = err;
    }

    @Override
    public void filter(ClientRequestContext request) {
        err.println("> " + request.getMethod() + " " + request.getUri());
    }
}
