package io.slipway.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A bearer token carried in a WebSocket handshake's {@code Sec-WebSocket-Protocol} header, for the clients that
 * cannot set {@code Authorization} on a WebSocket (browsers): the client offers two subprotocols, {@value #PROTOCOL}
 * and {@value #TOKEN_PREFIX}{@code <the token, base64url without padding>}, and the gateway answers with {@value
 * #PROTOCOL}, so the token is never echoed back, and never in the URL, where logs and histories keep it. The encoding
 * makes any token a valid subprotocol name.
 */
public final class SubprotocolToken {

    /** The handshake's header that offers the subprotocols, and answers the one chosen. */
    public static final String HEADER = "Sec-WebSocket-Protocol";

    /** The subprotocol a console's client speaks, and the one the gateway answers with. */
    public static final String PROTOCOL = "slipway";

    /** What the subprotocol that carries the token starts with. */
    public static final String TOKEN_PREFIX = "slipway.bearer.";

    /** Far above any token's length: a longer header is not read. */
    private static final int MAX_HEADER = 8192;

    private SubprotocolToken() {}

    /**
     * The {@code Authorization} value the offered subprotocols carry, when they offer {@value #PROTOCOL} and a token.
     *
     * @param offered the {@code Sec-WebSocket-Protocol} header, or null
     */
    public static Optional<String> authorization(String offered) {
        if (offered == null || offered.length() > MAX_HEADER) {
            return Optional.empty();
        }
        boolean speaksSlipway = false;
        String encoded = null;
        for (String protocol : offered.split(",")) {
            String name = protocol.strip();
            if (name.equals(PROTOCOL)) {
                speaksSlipway = true;
            } else if (name.startsWith(TOKEN_PREFIX)) {
                encoded = name.substring(TOKEN_PREFIX.length());
            }
        }
        if (!speaksSlipway || encoded == null || encoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of("Bearer " + new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            // Read as a wrong token: the identity provider refuses it like any other.
            return Optional.of("Bearer " + encoded);
        }
    }

    /** The subprotocol that carries {@code token}. */
    public static String of(String token) {
        return TOKEN_PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
}
