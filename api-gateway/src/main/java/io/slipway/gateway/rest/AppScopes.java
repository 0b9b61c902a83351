package io.slipway.gateway.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.slipway.gateway.audit.RequestAudit;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.DeploymentScoped;
import io.slipway.gateway.security.EveryApp;
import io.slipway.gateway.security.RunScoped;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps a token limited to apps to those apps, by the route the router matched: its {@code {app}}, or for {@link
 * DeploymentScoped} and {@link RunScoped} routes the app of its {@code {id}} deployment or run; any other app
 * answers 404 as if absent. {@link EveryApp} routes refuse it. Lists of apps are cut to its apps where they are made
 * ({@code AppResource}).
 */
public class AppScopes {

    static final String APP = "app";
    static final String DEPLOYMENT = "id";

    private final RequestAudit audit;
    private final DeploymentRepository deployments;
    private final RunRepository runs;

    public AppScopes(RequestAudit audit, DeploymentRepository deployments, RunRepository runs) {
        this.audit = audit;
        this.deployments = deployments;
        this.runs = runs;
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
        String id = request.getUriInfo().getPathParameters().getFirst(DEPLOYMENT);
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        if (annotated(resource, DeploymentScoped.class)) {
            return ownedBy(
                    caller.get(),
                    () -> deployments.findByIdOptional(id).map(Deployment::app),
                    () -> NotFound.deployment(id));
        }
        if (annotated(resource, RunScoped.class)) {
            return ownedBy(caller.get(), () -> runs.findByIdOptional(id).map(Run::app), () -> NotFound.run(id));
        }
        return Uni.createFrom().voidItem();
    }

    /** Looks the owner up off the event loop, in a transaction of its own. */
    private static Uni<Void> ownedBy(
            Caller caller, Supplier<Optional<String>> owner, Supplier<NotFoundException> absent) {
        return Uni.createFrom()
                .item(() -> QuarkusTransaction.requiringNew().call(owner::get))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(app -> {
                    if (app.filter(caller::reaches).isEmpty()) {
                        throw absent.get();
                    }
                    return null;
                });
    }

    private static boolean annotated(ResourceInfo resource, Class<? extends Annotation> annotation) {
        return resource.getResourceMethod().isAnnotationPresent(annotation)
                || resource.getResourceClass().isAnnotationPresent(annotation);
    }
}
