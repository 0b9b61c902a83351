package io.slipway.gateway.security;

import java.util.List;
import java.util.Set;

/**
 * Who a bearer token is. The API's three roles grow one on the other: a {@code deployer} has every right of a
 * {@code viewer}, an {@code admin} every right of both; an identity holds its role and every role below it, so an
 * endpoint names the least role that opens it. The worker token is apart: it opens the worker endpoints and no other.
 */
public final class Roles {

    /** Every read; config values masked. */
    public static final String VIEWER = "viewer";

    /** A viewer who also deploys and operates apps: deployments, retry, rollback, cancel, scale, config changes. */
    public static final String DEPLOYER = "deployer";

    /** Everything: apps created and deleted, their settings and limits, webhooks, tokens, the audit log. */
    public static final String ADMIN = "admin";

    /** The worker token: the worker endpoints (claims, build contexts). */
    public static final String WORKER = "worker";

    /** The API's roles, least first. */
    public static final List<String> API_ROLES = List.of(VIEWER, DEPLOYER, ADMIN);

    private Roles() {}

    public static boolean isApiRole(String role) {
        return API_ROLES.contains(role);
    }

    /** The roles an identity of {@code role} holds: it and every one below it. */
    static Set<String> heldBy(String role) {
        return Set.copyOf(API_ROLES.subList(0, API_ROLES.indexOf(role) + 1));
    }
}
