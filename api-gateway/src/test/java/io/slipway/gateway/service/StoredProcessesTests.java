package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.WorkerStatus;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.leases.WorkerReports;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a listing of the stored processes shows changes with a report stored, and with a pool gone silent. */
@QuarkusTest
class StoredProcessesTests {

    @Inject
    StoredProcesses processes;

    @Inject
    WorkerReports reports;

    @Inject
    AppViewChanges changes;

    @Inject
    GatewayConfig config;

    @Test
    void aPoolGoneSilentSinceAListingMakesTheNextShowOtherwise() {
        String pool = "p-" + UUID.randomUUID().toString().substring(0, 8);
        // The embedded engine's own reports come every few seconds: a try that one fell into is tried again.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
            reportOf(pool, Instant.now().minus(config.workerLease()).plusSeconds(1));
            long reportsBefore = changes.reports();
            StoredProcesses.Listing heard = processes.current();
            StoredProcesses.Listing again = processes.current();
            Thread.sleep(1_500);
            StoredProcesses.Listing silent = processes.current();
            assertThat(changes.reports()).as("no report stored meanwhile").isEqualTo(reportsBefore);

            assertThat(heard.engineError(pool)).isEmpty();
            assertThat(again.showsAs(heard)).isTrue();
            assertThat(silent.engineError(pool))
                    .hasValueSatisfying(why -> assertThat(why).startsWith("the engine has not reported since"));
            assertThat(silent.showsAs(heard)).isFalse();
        });
    }

    private void reportOf(String pool, Instant at) {
        reports.storeEmbedded(
                new WorkerStatus(WorkerStatus.EMBEDDED_WORKER, pool, "test", at, List.of(), List.of(), null, null));
    }
}
