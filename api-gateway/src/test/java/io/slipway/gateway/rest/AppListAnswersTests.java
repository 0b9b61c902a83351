package io.slipway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.WebProcessReports;
import io.slipway.gateway.leases.WorkerReports;
import io.slipway.gateway.service.AppService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The app list is written once while what it shows is unchanged, and again after a change to an app or a report. */
@QuarkusTest
class AppListAnswersTests {

    private static final PageRequest FIRST_PAGE = new PageRequest(Optional.empty(), PageRequest.MAX_LIMIT);

    @Inject
    AppListAnswers answers;

    @Inject
    AppService apps;

    @Inject
    WorkerReports reports;

    @Test
    void readsOfAnUnchangedListShareOneWriting() {
        // The embedded engine reports every few seconds, each a change: two reads between two reports share one.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> answers.everyApp(FIRST_PAGE).items()
                        == answers.everyApp(FIRST_PAGE).items());
        PageRequest other = new PageRequest(Optional.empty(), 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> answers.everyApp(other).items()
                        == answers.everyApp(other).items());
        assertThat(written(answers.everyApp(other))).startsWith("[{").doesNotContain("},{");
    }

    @Test
    void anAppCreatedIsInTheNextRead() {
        answers.everyApp(FIRST_PAGE);
        String app = newApp();

        assertThat(written(answers.everyApp(FIRST_PAGE))).contains("\"name\":\"" + app + "\"");
    }

    @Test
    void processesReportedAreInTheNextRead() {
        String app = newApp();
        answers.everyApp(FIRST_PAGE);

        reports.storeEmbedded(WebProcessReports.of(app, "RUNNING", 0, Instant.now()));

        assertThat(written(answers.everyApp(FIRST_PAGE))).contains("\"containerId\":\"c" + app + "\"");
    }

    private String newApp() {
        return apps.create("t-" + UUID.randomUUID().toString().substring(0, 8), null)
                .name();
    }

    private static String written(AppListAnswers.WrittenPage page) {
        return new String(page.items(), StandardCharsets.UTF_8);
    }
}
