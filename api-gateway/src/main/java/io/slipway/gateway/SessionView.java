package io.slipway.gateway;

import java.util.List;

/**
 * Who the calling token is, as the web UI needs it to show only what the token may do.
 *
 * @param actor the name the audit log gives the token ({@code bootstrap} for the API token)
 * @param role viewer, deployer or admin
 * @param apps the apps it is limited to, sorted; null for every app
 */
public record SessionView(String actor, String role, List<String> apps) {}
