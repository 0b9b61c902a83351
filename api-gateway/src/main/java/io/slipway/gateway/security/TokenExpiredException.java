package io.slipway.gateway.security;

import io.quarkus.security.AuthenticationException;
import java.time.Instant;

/** A stored token presented after its expiry: a 401 that says so, as the holder needs a new one, not a retry. */
public class TokenExpiredException extends SecurityException implements AuthenticationException {

    public TokenExpiredException(Instant at) {
        super("this token expired at " + at);
    }
}
