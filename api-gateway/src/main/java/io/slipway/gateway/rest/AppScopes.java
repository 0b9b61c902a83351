package io.slipway.gateway.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.slipway.gateway.audit.RequestAudit;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.DeploymentScoped;
import io.slipway.gateway.security.EveryApp;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps a token limited to apps to those apps, by the route the router matched: its {@code {app}}, or for {@link
 * DeploymentScoped} routes the app of its {@code {id}} deployment; any other app answers 404 as if absent. {@link
 * EveryApp} routes refuse it. Lists of apps are cut to its apps where they are made ({@code AppResource}).
 */
public class AppScopes {

    static final String APP = "app";
    static final String DEPLOYMENT = "id";

    private final RequestAudit audit;
    private final DeploymentRepository deployments;

    public AppScopes(RequestAudit audit, DeploymentRepository deployments) {
        this.audit = audit;
        this.deployments = deployments;
    }

    @ServerRequestFilter
    public Uni<Void> keepToScope(ContainerRequestContext request, ResourceInfo resource) {
        audit.route(Routes.of(request.getMethod(), resource));
        Optional<Caller> caller = audit.caller().filter(Caller::limitedToApps);
        if (caller.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (annotated(resource, EveryApp.class)) {
            throw new ForbiddenException("this token is limited to apps "
                    + caller.get().apps().orElseThrow() + "; this endpoint needs a token for every app");
        }
        String app = request.getUriInfo().getPathParameters().getFirst(APP);
        if (app != null) {
            if (!caller.get().reaches(app)) {
                throw NotFound.app(app);
            }
            return Uni.createFrom().voidItem();
        }
        String deployment = request.getUriInfo().getPathParameters().getFirst(DEPLOYMENT);
        if (deployment == null || !annotated(resource, DeploymentScoped.class)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .item(() -> QuarkusTransaction.requiringNew()
                        .call(() -> deployments.findByIdOptional(deployment).map(Deployment::app)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(owner -> {
                    if (owner.filter(caller.get()::reaches).isEmpty()) {
                        throw NotFound.deployment(deployment);
                    }
                    return null;
                });
    }

    private static boolean annotated(ResourceInfo resource, Class<? extends Annotation> annotation) {
        return resource.getResourceMethod().isAnnotationPresent(annotation)
                || resource.getResourceClass().isAnnotationPresent(annotation);
    }
}
