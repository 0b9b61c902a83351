package io.slipway.gateway.security;

import io.quarkus.security.AuthenticationException;

/** An address that failed to authenticate too often lately: a 429 until its window ends. */
public class TooManyFailedAuthenticationsException extends SecurityException implements AuthenticationException {

    private final transient FailedAuthentications.Refusal refusal;

    public TooManyFailedAuthenticationsException(FailedAuthentications.Refusal refusal) {
        super("too many failed authentications from this address");
        this.refusal = refusal;
    }

    public FailedAuthentications.Refusal refusal() {
        return refusal;
    }
}
