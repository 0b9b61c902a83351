package io.slipway.cli.config;

import java.net.URI;

/** Where the gateway is and the token it takes. The token never appears in {@link #toString()}. */
public record Credentials(URI url, String token) {

    @Override
    public String toString() {
        return "Credentials[url=" + url + "]";
    }
}
