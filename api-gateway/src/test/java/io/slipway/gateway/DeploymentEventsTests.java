package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import io.slipway.gateway.messaging.DeploymentEventConsumer;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.LogLine;
import io.slipway.gateway.repository.LogLineRepository;
import io.slipway.gateway.service.DeploymentService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's events, as the consumer receives them, and what the API shows of them afterwards. */
@QuarkusTest
class DeploymentEventsTests {

    @Inject
    TestDeployments deployments;

    @Inject
    DeploymentEventConsumer consumer;

    @Inject
    DeploymentRepository repository;

    @Inject
    LogLineRepository lines;

    @Inject
    DeploymentEventPublisher publisher;

    @Inject
    DeploymentService service;

    @Inject
    AppRepository apps;

    /** Far more lines than the gateway stores in the time a status change takes. */
    private static final int FLOOD = 20_000;

    @Test
    void startedMakesTheDeploymentRunning() {
        String app = newApp();
        EngineEvents events = deployments.queuedWithEvents(app, "example/web:1").started();

        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("RUNNING"))
                .body("startedAt", notNullValue())
                .body("finishedAt", nullValue());
    }

    @Test
    void aPhaseChangeUpdatesItsPhaseAndKeepsTheCommand() {
        String app = newApp();
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .phase(PhaseName.BUILD, PhaseStatus.SKIPPED, null, null, "not part of an image deployment")
                .phase(PhaseName.PREDEPLOY, PhaseStatus.RUNNING, "rake db:migrate", null, null);
        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("phases[0].status", equalTo("SKIPPED"))
                .body("phases[0].reason", equalTo("not part of an image deployment"))
                .body("phases[1].status", equalTo("RUNNING"))
                .body("phases[1].command", equalTo("rake db:migrate"))
                .body("phases[1].startedAt", notNullValue())
                .body("phases[1].finishedAt", nullValue());

        events.phase(PhaseName.PREDEPLOY, PhaseStatus.FAILED, null, 3, "exited with code 3");
        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("phases[1].status", equalTo("FAILED"))
                .body("phases[1].command", equalTo("rake db:migrate"))
                .body("phases[1].exitCode", equalTo(3))
                .body("phases[1].reason", equalTo("exited with code 3"))
                .body("phases[1].finishedAt", notNullValue());
    }

    @Test
    void aSucceededDeploymentBecomesTheCurrentRelease() {
        String app = newApp();
        String release = "slipway/" + app + ":release-x";
        EngineEvents events = deployments.queuedWithEvents(app, "example/web:1").succeeds("example/web:1", release);

        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("releaseImage", equalTo(release))
                .body("reason", nullValue())
                .body("finishedAt", notNullValue())
                .body(
                        "phases.status",
                        equalTo(List.of("SKIPPED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SKIPPED", "SUCCEEDED")))
                .body("phases[1].exitCode", equalTo(0));
        api().get("/api/v1/apps/" + app).then().body("currentRelease.deploymentId", equalTo(events.id()));
    }

    @Test
    void aFailedDeploymentLeavesTheCurrentReleaseAlone() {
        String app = newApp();
        String released = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", "example/web:1")
                .id();
        EngineEvents failed = deployments
                .queuedWithEvents(app, "example/web:2")
                .started()
                .phase(PhaseName.PREDEPLOY, PhaseStatus.RUNNING, "false", null, null)
                .phase(PhaseName.PREDEPLOY, PhaseStatus.FAILED, null, 1, "exited with code 1")
                .phase(PhaseName.RELEASE, PhaseStatus.SKIPPED, null, null, "not reached")
                .finished(DeploymentStatus.FAILED, "predeploy: exited with code 1", null);

        api().get("/api/v1/deployments/" + failed.id())
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", equalTo("predeploy: exited with code 1"))
                .body("releaseImage", nullValue())
                // Phases the engine did not report on are closed with the deployment.
                .body(
                        "phases.status",
                        equalTo(List.of("SKIPPED", "FAILED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED")));
        api().get("/api/v1/apps/" + app).then().body("currentRelease.deploymentId", equalTo(released));
    }

    @Test
    void aDeploymentCancelledWhileQueuedHasOnlyItsEnd() {
        String app = newApp();
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .finished(DeploymentStatus.CANCELLED, "cancelled", null);

        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("CANCELLED"))
                .body("startedAt", nullValue())
                .body(
                        "phases.status",
                        equalTo(List.of("SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED")))
                .body("phases[0].reason", equalTo("cancelled"));
    }

    @Test
    void logLinesAreStoredInOrderAndARedeliveryIsIgnored() {
        String app = newApp();
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .log(PhaseName.PREDEPLOY, "one")
                .redeliverLast()
                .log(PhaseName.PREDEPLOY, "two");

        List<LogLine> stored = QuarkusTransaction.requiringNew().call(() -> lines.after(events.id(), 0));
        assertThat(stored)
                .extracting(LogLine::seq, LogLine::line, LogLine::stream)
                .containsExactly(tuple(2L, "one", LogStream.STDOUT), tuple(3L, "two", LogStream.STDOUT));
    }

    @Test
    void theManifestsTheEngineUsedAreKept() {
        String app = newApp();
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .manifests("example/web:1", "{\"scripts\": {}}", null);

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> repository.findById(events.id()).manifests()))
                .contains(new ManifestFiles("{\"scripts\": {}}", null));
    }

    @Test
    void aSucceededDeploymentTakesItsRetirementAfterItsEndThenNoMoreEvents() {
        String app = newApp();
        Instant due = Instant.now().plusSeconds(10);
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .retirementDue(List.of("c1", "c2"), due)
                .finished(DeploymentStatus.SUCCEEDED, null, "example/web:1");
        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("retiredAt", nullValue());
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> repository.retirementsPending().stream()
                                .filter(deployment -> deployment.id().equals(events.id()))
                                .map(deployment -> deployment.retirement().containers())
                                .toList()))
                .containsExactly(List.of("c1", "c2"));

        events.log(PhaseName.POSTDEPLOY, "retired web.1").retired().log(PhaseName.POSTDEPLOY, "late");

        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("retiredAt", notNullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> lines.after(events.id(), 0)))
                .extracting(LogLine::line)
                .containsExactly("retired web.1");
    }

    /**
     * A read of the deployment in a transaction of its own (as {@code GET /deployments/{id}} makes) while its end is
     * stored: the read changes nothing, so its transaction writes nothing back over the end it did not see.
     */
    @Test
    void aReadWhileTheEndIsStoredLeavesTheEndStored() {
        String app = newApp();
        EngineEvents events = deployments.queuedWithEvents(app, "example/web:1").started();

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(service.find(events.id())).map(DeploymentView::status).contains(DeploymentStatus.RUNNING);
            events.finished(DeploymentStatus.FAILED, "deploy: web did not start", null);
        });

        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", equalTo("deploy: web did not start"))
                .body("finishedAt", notNullValue());
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> repository.findById(events.id()).lastEventSeq()))
                .isEqualTo(2);
    }

    /**
     * A succeeded deployment still takes its retirement's lines after its end. While an app's deletion holds its
     * deployments none is added (one added between the removal of a deployment's lines and its own made the removal
     * fail), and once they are gone the line is acknowledged and dropped.
     */
    @Test
    void aRetirementLineWaitsWhileTheAppsDeletionHoldsItsDeployment() throws Exception {
        String app = newApp();
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .retirementDue(List.of("c1"), Instant.now())
                .finished(DeploymentStatus.SUCCEEDED, null, "example/web:1");
        // As the deletion does first, in a transaction of its own: the release may go.
        QuarkusTransaction.requiringNew()
                .run(() -> apps.findIncludingRemoved(app).orElseThrow().forgetRelease());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch remove = new CountDownLatch(1);
        CompletableFuture<List<String>> removed = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    List<String> locked = repository.lockedOfApp(app, 100);
                    held.countDown();
                    remove.await(30, TimeUnit.SECONDS);
                    return repository.deleteOfApp(app, 100);
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> line =
                CompletableFuture.runAsync(() -> events.log(PhaseName.POSTDEPLOY, "retired web.1"));
        Thread.sleep(1000);
        assertThat(line).isNotDone();
        remove.countDown();

        assertThat(removed.get(30, TimeUnit.SECONDS)).containsExactly(events.id());
        line.get(30, TimeUnit.SECONDS);
        assertThat(QuarkusTransaction.requiringNew().call(() -> lines.after(events.id(), 0)))
                .isEmpty();
    }

    @Test
    void anEndedDeploymentTakesNoMoreEvents() {
        String app = newApp();
        EngineEvents events = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .finished(DeploymentStatus.FAILED, "deploy: process exited", null)
                .phase(PhaseName.DEPLOY, PhaseStatus.RUNNING, null, null, null)
                .finished(DeploymentStatus.SUCCEEDED, null, "example/web:1");

        api().get("/api/v1/deployments/" + events.id())
                .then()
                .body("status", equalTo("FAILED"))
                .body("phases[3].status", equalTo("SKIPPED"));
        api().get("/api/v1/apps/" + app).then().body("currentRelease", nullValue());
    }

    @Test
    void anEventOfAnUnknownDeploymentIsIgnoredAndAcknowledged() {
        String unknown = UUID.randomUUID().toString();

        EngineEvents.deliver(consumer, new DeploymentEvent.Started(unknown, "gone", 1, Instant.now()));

        assertThat(QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(unknown)))
                .isEmpty();
    }

    /**
     * Through the real channel, as the embedded engine sends them: while one deployment's flood of
     * lines is being stored, another deployment's start shows at once, not after the flood.
     */
    @Test
    void aFloodOfOneDeploymentsLinesDoesNotHoldBackAnothersStatus() {
        String floodingApp = newApp();
        String flooding = deployments.queued(floodingApp, "example/web:1");
        String otherApp = newApp();
        String other = deployments.queued(otherApp, "example/web:1");
        CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
            for (int seq = 1; seq <= FLOOD; seq++) {
                publisher.publish(new DeploymentEvent.Log(
                        flooding,
                        floodingApp,
                        seq,
                        Instant.now(),
                        PhaseName.PREDEPLOY,
                        LogStream.STDOUT,
                        "line " + seq));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> storedLines(flooding) > 0);

        publisher.publish(new DeploymentEvent.Started(other, otherApp, 1, Instant.now()));

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> repository.findById(other).status() == DeploymentStatus.RUNNING));
        assertThat(storedLines(flooding)).as("lines of the flood stored").isLessThan(FLOOD);

        flood.join();
        await().atMost(Duration.ofMinutes(2)).until(() -> storedLines(flooding) == FLOOD);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> lines.after(flooding, FLOOD - 2).stream()
                                .map(LogLine::line)
                                .toList()))
                .containsExactly("line " + (FLOOD - 1), "line " + FLOOD);
    }

    private long storedLines(String deploymentId) {
        return QuarkusTransaction.requiringNew().call(() -> lines.count("deploymentId", deploymentId));
    }
}
