package io.slipway.gateway.rest;

import io.slipway.gateway.DeploymentView;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to every request that queues a deployment: 202, the deployment, and where to follow it. */
final class Accepted {

    private Accepted() {}

    static Response deployment(DeploymentView deployment, UriInfo uri) {
        return Response.accepted(deployment)
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/deployments")
                        .path(deployment.id())
                        .build())
                .build();
    }
}
