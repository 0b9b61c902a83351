package io.slipway.cli.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keeps the last JSON answer's body as the gateway sent it, so that {@code --json} prints the API's JSON as is rather
 * than the CLI's reading of it. Event streams pass untouched.
 */
public final class RawBodies implements ClientResponseFilter {

    /** Far above any answer of the API but a stream that is not one. */
    private static final int MAX_BYTES = 32 * 1024 * 1024;

    private String last;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        MediaType type = response.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json") || !response.hasEntity()) {
            return;
        }
        try (InputStream body = response.getEntityStream()) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the gateway's answer is larger than " + MAX_BYTES + " bytes");
            }
            last = new String(bytes, StandardCharsets.UTF_8);
            response.setEntityStream(new ByteArrayInputStream(bytes));
        }
    }

    public Optional<String> last() {
        return Optional.ofNullable(last);
    }
}
