package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.contract.DeploymentOrder;
import io.slipway.engine.health.EngineHealthCheck;
import io.slipway.engine.messaging.DeployCommandConsumer;
import io.slipway.engine.pipeline.DeploymentOrders;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.LeftoverSweeper;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.router.Router;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The engine inside a gateway whose engine is {@code remote}: it starts although no engine answers at the
 * configured socket, because nothing connects to one, and no bean that would is ever created.
 */
@QuarkusTest
@TestProfile(IdleEngineTests.RemoteGateway.class)
class IdleEngineTests {

    public static class RemoteGateway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "slipway.engine", "remote",
                    "slipway.runtime", "podman",
                    "container.host", "unix:///nonexistent/podman.sock");
        }
    }

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Inject
    DeployCommandConsumer inbox;

    @Test
    void noEngineBeanIsCreatedAndNoStartupWorkRuns() {
        // The inbox, once created, holds the worker only through its client proxy.
        assertThat(inbox.toString()).isNotEmpty();
        Set<Type> created = createdBeanTypes();

        assertThat(created).as("the lookup sees the beans that were created").contains(DeployCommandConsumer.class);
        assertThat(created)
                .doesNotContain(
                        ContainerRuntime.class,
                        DeploymentWorker.class,
                        AppMaintenance.class,
                        DeploymentPipeline.class,
                        LeftoverSweeper.class,
                        RouteKeeper.class,
                        Router.class,
                        WorkerHeartbeat.class,
                        GatewayLink.class);
    }

    @Test
    void readinessReportsNoContainerEngine() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("container-engine");
        assertThat(createdBeanTypes()).doesNotContain(ContainerRuntime.class, EngineHealthCheck.class);
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aCommandThatReachesAnIdleEngineIsRefusedAndRunsNothing() {
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        DeploymentOrder order =
                DeploymentOrders.anImageDeploy().app("idle").image("any").build();

        connector
                .source(Channels.DEPLOY_REQUESTS)
                .send(Message.of(
                        new DeployCommand.Start(order), () -> CompletableFuture.completedFuture(null), failure -> {
                            refusal.set(failure);
                            return CompletableFuture.completedFuture(null);
                        }));

        await().atMost(Duration.ofSeconds(10)).until(() -> refusal.get() != null);
        assertThat(refusal.get()).hasMessageContaining("idle");
        assertThat(createdBeanTypes()).doesNotContain(DeploymentWorker.class, ContainerRuntime.class);
    }

    private static Set<Type> createdBeanTypes() {
        Set<Type> types = new HashSet<>();
        for (Class<? extends java.lang.annotation.Annotation> scope :
                Set.of(Singleton.class, ApplicationScoped.class)) {
            for (InjectableBean<?> bean : Arc.container()
                    .getActiveContext(scope)
                    .getState()
                    .getContextualInstances()
                    .keySet()) {
                types.addAll(bean.getTypes());
            }
        }
        return types;
    }
}
