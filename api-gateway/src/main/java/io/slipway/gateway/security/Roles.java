package io.slipway.gateway.security;

/** Who a bearer token is: each token opens its own endpoints and no others. */
public final class Roles {

    /** The API token: the REST API. */
    public static final String OPERATOR = "operator";

    /** The worker token: the worker endpoints (claims, build contexts). */
    public static final String WORKER = "worker";

    private Roles() {}
}
