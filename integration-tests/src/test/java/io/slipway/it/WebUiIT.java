package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * An operator's session in the web UI, in headless Chromium against the packaged gateway on Docker:
 * sign in, create an app, set config, deploy an image and watch its phases live (through a connection
 * that drops midway), a failed deploy and its retry, a rollback, a build-context upload, the app's
 * logs, a one-off run, the release's cron entry run now, suspended and resumed, a restart, a console typed
 * into, tokens, the audit log, what a viewer is offered, a manifest check and the app's deletion. Every
 * page passes the axe-core audit of WCAG 2.1 A and AA.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

    private static final String APP_JSON = "{\"scripts\": {\"dokku\": {"
            + "\"predeploy\": \"echo predeploy-ran && echo predeploy-warns >&2\","
            + " \"postdeploy\": \"echo postdeploy-ran && test -n \\\"$GREETING\\\" && sleep 3\"}},"
            + " \"cron\": [{\"command\": \"echo cron-ran\", \"schedule\": \"@yearly\"}]}";
    private static final String PROCFILE =
            "release: echo release-ran\nweb: echo web-listening && exec httpd -f -p $PORT -h /tmp\n";
    private static final String[] PHASES = {"BUILD", "PREDEPLOY", "RELEASE", "DEPLOY", "POSTDEPLOY"};

    private static final String APP = "ui-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String VIEWER = APP + "-viewer";

    private static ContainerRuntime runtime;
    private static GatewayProcess gateway;
    private static DroppingProxy network;
    private static TestImages images;
    private static Browser browser;
    private static String image;
    private static String firstRelease;

    @BeforeAll
    static void start() throws Exception {
        TestEngine engine = TestEngines.named("docker");
        runtime = engine.connect();
        images = new TestImages(runtime);
        image = images.build(context());
        gateway = new GatewayProcess(engine);
        gateway.start();
        network = new DroppingProxy(gateway.uri());
        browser = new Browser(network.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (network != null) {
            network.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
        if (images != null) {
            images.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    @Order(1)
    void aWrongTokenIsRefusedReadablyAndTheRightOneSignsIn() throws Exception {
        browser.open("#/apps");
        browser.find("#token");
        Axe.assertNoViolations(browser, "sign-in");
        browser.type("#token", "not-the-token");
        browser.click("#sign-in button");
        assertThat(browser.text("#problem")).contains("Unauthorized").contains("Bearer");
        browser.screenshot("sign-in");

        browser.type("#token", GatewayProcess.TOKEN);
        browser.click("#sign-in button");

        browser.find("#create-app");
        assertThat(browser.script("return document.getElementById('problem').hidden"))
                .as("the refusal is cleared once it no longer applies")
                .isEqualTo(true);
        assertThat(browser.script("return sessionStorage.getItem('slipway.token')"))
                .isEqualTo(GatewayProcess.TOKEN);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.text("#who")).isEqualTo("bootstrap (admin)");
        Axe.assertNoViolations(browser, "apps");
        browser.assertNoConsoleErrors("/api/v1/session status of 401");
    }

    @Test
    @Order(2)
    void anAppIsCreatedAndItsConfigValueIsHiddenUntilRevealed() throws Exception {
        assertThat(browser.script("return document.querySelector('#new-app').validity.valid"))
                .isEqualTo(false);
        browser.type("#new-app", "Not_A-Name");
        assertThat(browser.script("return document.querySelector('#new-app').validity.patternMismatch"))
                .as("the name pattern compiles and applies")
                .isEqualTo(true);
        browser.type("#new-app", APP);
        browser.click("#create-app button");

        browser.await(d -> browser.text("#app-name").equals(APP));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/apps/" + APP);
        setConfig("GREETING", "hello");
        WebElement row = browser.find("#config tr[data-key=GREETING]");
        assertThat(row.getText()).doesNotContain("hello");
        browser.click("#config tr[data-key=GREETING] .reveal");
        assertThat(browser.text("#config tr[data-key=GREETING]")).contains("hello");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void anImageDeploymentShowsEachPhaseTurnGreenLiveWithItsOutput() throws Exception {
        browser.type("#image", image);
        browser.click("#deploy-image button");
        browser.await(d -> d.getCurrentUrl().contains("#/deployments/"));
        firstRelease = deploymentIdInUrl();

        // Predeploy is done while the deployment still runs (postdeploy sleeps): the stream moved it.
        browser.awaitDeployment(d -> "SUCCEEDED".equals(phaseStatus("PREDEPLOY")));
        String whilePredeployGreen = browser.text("#deployment-status");
        // The connection drops while the deployment runs: the page resumes after the last event it had.
        network.dropAll();
        assertThat(browser.text("#log-PREDEPLOY")).contains("predeploy-ran");
        assertThat(browser.text("#log-PREDEPLOY .line.STDERR")).isEqualTo("predeploy-warns");
        assertThat(browser.text("li.phase[data-phase=PREDEPLOY]")).contains("committed to the release image");

        awaitDeploymentStatus("SUCCEEDED");
        assertThat(whilePredeployGreen).isEqualTo("RUNNING");
        assertThat(statuses()).containsExactly("SKIPPED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        assertThat(browser.text("#log-RELEASE")).contains("release-ran");
        assertThat(browser.text("#log-POSTDEPLOY")).contains("postdeploy-ran");
        assertThat(browser.script(
                        "return [...document.querySelectorAll('pre.log .line')].map(line => line.textContent)"))
                .as("every line once, after the resume too")
                .asList()
                .containsOnlyOnce("predeploy-ran", "predeploy-warns", "release-ran", "postdeploy-ran");
        assertThat(network.requestHeads())
                .as("the stream was asked again from its last event")
                .anyMatch(head -> head.startsWith("GET /api/v1/deployments/" + firstRelease + "/logs")
                        && head.toLowerCase(Locale.ROOT).contains("\r\nlast-event-id: "));
        assertThat(browser.text("li.phase[data-phase=RELEASE]"))
                .contains("exit code 0")
                .contains("discarded");
        browser.fullPageScreenshot("deployment");
        Axe.assertNoViolations(browser, "deployment");

        browser.driver().navigate().refresh();
        awaitDeploymentStatus("SUCCEEDED");
        assertThat(browser.text("#log-RELEASE")).as("a reload keeps the page").contains("release-ran");
        browser.resize(400, 900);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 400 px")
                .isEqualTo(true);
        browser.screenshot("deployment-400px");
        browser.resize(1280, 1000);
        browser.assertNoConsoleErrors("/logs net::ERR_INCOMPLETE_CHUNKED_ENCODING");
    }

    @Test
    @Order(4)
    void aFailingDeploymentShowsItsFailedPhaseAndReasonAndARetrySucceeds() throws Exception {
        browser.open("#/apps/" + APP);
        browser.click("#config tr[data-key=GREETING] .remove");
        browser.await(d -> !browser.present("#config tr[data-key=GREETING]"));
        browser.type("#image", image);
        browser.click("#deploy-image button");
        browser.await(d -> d.getCurrentUrl().contains("#/deployments/")
                && !deploymentIdInUrl().equals(firstRelease));
        String failed = deploymentIdInUrl();

        awaitDeploymentStatus("FAILED");
        browser.awaitDeployment(d -> "FAILED".equals(phaseStatus("POSTDEPLOY")));
        assertThat(browser.text("li.phase[data-phase=POSTDEPLOY]")).contains("exit code 1");
        assertThat(browser.text("#deployment-reason")).startsWith("postdeploy:");
        browser.screenshot("deployment-failed");

        browser.driver().navigate().back();
        browser.await(d -> browser.text("#app-name").equals(APP));
        setConfig("GREETING", "hello again");
        browser.open("#/deployments/" + failed);
        browser.click("#retry");
        browser.await(d -> !deploymentIdInUrl().equals(failed));
        awaitDeploymentStatus("SUCCEEDED");
        assertThat(phaseStatus("BUILD")).isEqualTo("SKIPPED");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void theRunningReleaseOffersNoRollbackAndAnEarlierOneRollsBack() throws Exception {
        String running = deploymentIdInUrl();
        browser.open("#/apps/" + APP);
        browser.find("#releases tr[data-deployment='" + running + "'] .badge");
        assertThat(browser.present("#releases tr[data-deployment='" + running + "'] .rollback"))
                .isFalse();
        browser.screenshot("app");
        Axe.assertNoViolations(browser, "app");

        browser.click("#releases tr[data-deployment='" + firstRelease + "'] .rollback");
        browser.await(d ->
                !deploymentIdInUrl().equals(running) && !deploymentIdInUrl().isEmpty());
        String rollback = deploymentIdInUrl();
        awaitDeploymentStatus("SUCCEEDED");
        assertThat(phaseStatus("PREDEPLOY")).isEqualTo("SKIPPED");
        assertThat(browser.text("#log-RELEASE")).contains("release-ran");

        browser.open("#/apps/" + APP);
        browser.find("#releases tr[data-deployment='" + rollback + "'] .badge");
        assertThat(browser.present("#releases tr[data-deployment='" + rollback + "'] .rollback"))
                .isFalse();
        assertThat(browser.present("#releases tr[data-deployment='" + running + "'] .rollback"))
                .isTrue();
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void anUploadedBuildContextIsBuiltAndDeployed() throws Exception {
        Path tar = Files.createTempFile(Path.of("target"), "ui-context-", ".tar");
        Files.write(tar, context().toTar());
        browser.open("#/apps/" + APP);
        browser.find("#context").sendKeys(tar.toAbsolutePath().toString());
        browser.click("#deploy-context button");

        browser.await(d -> d.getCurrentUrl().contains("#/deployments/"));
        awaitDeploymentStatus("SUCCEEDED");
        assertThat(phaseStatus("BUILD")).isEqualTo("SUCCEEDED");
        assertThat(browser.text("#log-PREDEPLOY")).contains("predeploy-ran");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(7)
    void theLogsPageShowsTheRunningAppsLinesTaggedWithTheirProcess() throws Exception {
        browser.open("#/apps/" + APP);
        browser.click("#logs-link");
        browser.await(d -> browser.text("#app-log").contains("web-listening"));
        assertThat(browser.script("return [...document.querySelectorAll('#app-log .line')]"
                        + ".find(line => line.textContent.includes('web-listening'))?.dataset.process"))
                .isEqualTo("web.1");
        assertThat(browser.text("#app-log .line .process")).isEqualTo("web.1");
        browser.click("#log-pause");
        assertThat(browser.find("#log-pause").getAttribute("aria-pressed")).isEqualTo("true");
        browser.click("#log-pause");
        browser.screenshot("logs");
        Axe.assertNoViolations(browser, "logs");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(8)
    void aRunStartedFromTheUiShowsItsOutputAndExitCode() throws Exception {
        browser.open("#/apps/" + APP);
        browser.click("#runs-link");
        browser.find("#run-form");
        Axe.assertNoViolations(browser, "runs");
        browser.type("#run-command", "echo run-said-hi && exit 3");
        browser.click("#run-form button");
        browser.await(d -> d.getCurrentUrl().contains("#/runs/"));
        browser.awaitDeployment(d -> browser.text("#run-status").equals("FAILED"));
        assertThat(browser.text("#run-exit")).isEqualTo("3");
        browser.await(d -> browser.text("#run-log").contains("run-said-hi"));
        browser.screenshot("run");
        Axe.assertNoViolations(browser, "run output");

        browser.driver().navigate().back();
        WebElement row = browser.find("#runs tbody tr");
        assertThat(row.getText()).contains("echo run-said-hi").contains("api").contains("FAILED");
        assertThat(browser.text("#runs tbody tr .exit")).isEqualTo("3");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(9)
    void theReleasesCronEntryIsListedRunsNowAndIsSuspendedAndResumed() throws Exception {
        browser.open("#/apps/" + APP);
        browser.await(d -> browser.text("#cron").contains("echo cron-ran"));
        assertThat(browser.text("#cron tbody tr")).contains("@yearly").contains("allow");
        Axe.assertNoViolations(browser, "app with cron entries");

        browser.click("#cron .cron-run");
        browser.await(d -> browser.present("#cron tbody tr a.mono"));
        browser.click("#cron tbody tr a.mono");
        browser.await(d -> d.getCurrentUrl().contains("#/runs/"));
        browser.awaitDeployment(d -> browser.text("#run-status").equals("SUCCEEDED"));
        browser.await(d -> browser.text("#run-log").contains("cron-ran"));

        browser.open("#/apps/" + APP);
        browser.await(d -> browser.present("#cron .cron-suspend"));
        browser.click("#cron .cron-suspend");
        browser.await(d -> browser.text("#cron tbody tr").contains("suspended"));
        browser.click("#cron .cron-suspend");
        browser.await(d -> !browser.text("#cron tbody tr").contains("suspended"));
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(10)
    void aRestartFromTheUiIsConfirmedAndSucceeds() throws Exception {
        browser.open("#/apps/" + APP);
        assertThat(browser.text("#app-state")).isEqualTo("running");
        browser.click("#restart");
        browser.click("#process-control .confirm-yes");
        browser.await(d -> d.getCurrentUrl().contains("#/deployments/"));
        awaitDeploymentStatus("SUCCEEDED");
        assertThat(browser.text("#summary")).contains("restart");
        browser.assertNoConsoleErrors();
    }

    private static int sizeAsked;

    /**
     * The console's TTY size as {@code stty} tells it, typed into the page's terminal: {rows, columns}. Each answer
     * has a number of its own, since the terminal shows only its last rows.
     */
    private static int[] ttySize() {
        String label = "tty-size-" + ++sizeAsked + "-";
        Pattern size = Pattern.compile(label + "(\\d+)x(\\d+)");
        new Actions(browser.driver())
                .sendKeys("echo " + label + "$(stty size | tr ' ' x)\n")
                .perform();
        Matcher answer = browser.await(d -> {
            Matcher found = size.matcher(browser.text("#console-screen .xterm-rows"));
            return found.find() ? found : null;
        });
        return new int[] {Integer.parseInt(answer.group(1)), Integer.parseInt(answer.group(2))};
    }

    @Test
    @Order(11)
    void aConsoleRunsACommandInTheAppsReleaseAndShowsItsOutput() throws Exception {
        browser.open("#/apps/" + APP);
        browser.click("#console-link");
        browser.type("#console-command", "sh");
        browser.click("#console-form button");
        browser.await(d -> browser.text("#console-status").contains("attached"));
        Axe.assertNoViolations(browser, "console");
        // The terminal takes keys through a hidden text area of its own: typed as a person does, to what has focus.
        browser.click("#console-screen .xterm-screen");
        new Actions(browser.driver()).sendKeys("echo console-$((6*7))\n").perform();
        browser.await(d -> browser.text("#console-screen .xterm-rows").contains("console-42"));
        // The terminal fits its element, not a fixed size, and the console's TTY follows it as the window narrows.
        int[] wide = ttySize();
        assertThat(wide[0]).as("rows of most of a 1000 px high window").isBetween(10, 60);
        assertThat(wide[1]).as("columns of a 1280 px window").isGreaterThan(100);
        browser.resize(800, 700);
        try {
            int[] narrow = browser.await(d -> {
                int[] size = ttySize();
                return size[0] < wide[0] && size[1] < wide[1] ? size : null;
            });
            assertThat(narrow[1]).as("columns of an 800 px window").isBetween(40, 100);
        } finally {
            browser.resize(1280, 1000);
        }
        new Actions(browser.driver()).sendKeys("exit 5\n").perform();
        browser.await(d -> browser.text("#console-status").contains("FAILED (exit code 5)"));
        browser.screenshot("console");
        // The token went as a subprotocol: the upgrade's request line has none.
        assertThat(network.requestHeads())
                .filteredOn(head -> head.contains("/attach"))
                .isNotEmpty()
                .allMatch(head -> head.lines()
                        .findFirst()
                        .orElseThrow()
                        .matches("GET /api/v1/runs/[A-Za-z0-9-]+/attach HTTP/1.1"))
                .allMatch(head -> !head.contains(GatewayProcess.TOKEN));
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(12)
    void anAdminCreatesATokenSeenOnceFindsItInTheAuditLogAndAViewerIsOfferedNoChanges() throws Exception {
        browser.click("#nav a[href='#/tokens']");
        browser.find("#token-form");
        Axe.assertNoViolations(browser, "tokens");
        browser.type("#token-name", VIEWER);
        browser.find("#token-role option[value=viewer]").click();
        browser.click("#token-form button[type=submit]");
        String value = browser.text("#new-token-value");
        assertThat(value).startsWith("slp_");
        assertThat(browser.text("#tokens tr[data-name='" + VIEWER + "']")).contains("viewer");
        browser.driver().navigate().refresh();
        browser.find("#tokens tr[data-name='" + VIEWER + "']");
        assertThat(browser.present("#new-token-value"))
                .as("the value is shown once")
                .isFalse();

        browser.click("#nav a[href='#/audit']");
        browser.find("#audit tbody tr");
        browser.type("#audit-actor", "bootstrap");
        browser.click("#audit-filter button");
        browser.await(d -> browser.text("#audit").contains("POST /api/v1/tokens"));
        Axe.assertNoViolations(browser, "audit");
        browser.screenshot("audit");

        // Signed out on the apps page, the next sign-in lands there.
        browser.open("#/apps");
        browser.click("#sign-out");
        browser.type("#token", value);
        browser.click("#sign-in button");
        browser.find("#apps tbody tr");
        assertThat(browser.text("#who")).isEqualTo(VIEWER + " (viewer)");
        assertThat(browser.present("#create-app")).isFalse();
        assertThat(browser.present("#nav a[href='#/tokens']:not([hidden])")).isFalse();
        browser.open("#/apps/" + APP);
        browser.find("#releases tr .badge");
        assertThat(browser.present("#app-state")).isTrue();
        for (String action : List.of("#deploy", "#restart", "#stop", "#config-form", ".rollback", "#delete")) {
            assertThat(browser.present(action))
                    .as(action + " is not offered to a viewer")
                    .isFalse();
        }
        browser.click("#runs-link");
        browser.find("#runs tbody tr");
        assertThat(browser.present("#run-form")).isFalse();
        browser.open("#/apps");
        browser.click("#sign-out");

        browser.type("#token", GatewayProcess.TOKEN);
        browser.click("#sign-in button");
        browser.find("#apps tbody tr");
        browser.open("#/tokens");
        browser.click("#tokens tr[data-name='" + VIEWER + "'] .revoke");
        browser.click("#tokens tr[data-name='" + VIEWER + "'] .confirm-yes");
        browser.find("#tokens tr[data-name='" + VIEWER + "'] .revoked");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(13)
    void aManifestCheckShowsTasksAndAnErrorAtItsLineAndColumn() throws Exception {
        browser.click("#nav a[href='#/manifests']");
        browser.type("#app-json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"echo hi\"}}, \"extra\": 1}");
        browser.type("#procfile", "web: ./serve\nrelease: ./migrate\n");
        browser.click("#manifest-form button");
        browser.await(d -> browser.text("#manifest-result").contains("echo hi"));
        assertThat(browser.text("#manifest-result")).contains("./migrate").contains("extra");

        browser.type("#app-json", "{\n  \"scripts\": {\"dokku\": {\"predeploy\": [\"echo\"]}}\n}");
        browser.click("#manifest-form button");
        WebElement error = browser.find("#manifest-result .issues.errors .issue");
        assertThat(error.getText()).contains("app.json").contains("line 2").contains("column");
        assertThat(error.getText()).contains("scripts.dokku.predeploy");
        assertThat(browser.present("#problem:not([hidden])")).isFalse();
        browser.screenshot("manifest-check");
        Axe.assertNoViolations(browser, "manifest check");
        browser.assertNoConsoleErrors("/api/v1/manifests/validate status of 422");
    }

    @Test
    @Order(14)
    void anAppIsDeletedOnlyOnceItsNameIsTyped() throws Exception {
        browser.open("#/apps");
        browser.find("#apps a[href='#/apps/" + APP + "']");
        browser.screenshot("apps");
        browser.click("#apps a[href='#/apps/" + APP + "']");
        assertThat(browser.find("#delete button").isEnabled()).isFalse();
        browser.type("#delete-confirm", APP);
        browser.click("#delete button");

        browser.await(d -> d.getCurrentUrl().endsWith("#/apps"));
        browser.find("#apps tbody tr");
        assertThat(browser.present("#apps a[href='#/apps/" + APP + "']")).isFalse();
        browser.assertNoConsoleErrors();
        // The engine removes the app's containers and images after the answer; the suite's images
        // can only go once the release images built on them are gone.
        await().atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> runtime.listContainers(Map.of(ContainerLabels.APP, APP))
                                .isEmpty()
                        && runtime.inspectImage("slipway/" + APP + ":current").isEmpty());
    }

    private static BuildContext context() {
        return BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                .file("app.json", APP_JSON)
                .file("Procfile", PROCFILE);
    }

    private static void setConfig(String key, String value) {
        browser.type("#config-key", key);
        browser.type("#config-value", value);
        browser.click("#config-form button");
        browser.find("#config tr[data-key=" + key + "]");
    }

    private static String deploymentIdInUrl() {
        String url = browser.driver().getCurrentUrl();
        int at = url.indexOf("#/deployments/");
        return at < 0 ? "" : url.substring(at + "#/deployments/".length());
    }

    private static void awaitDeploymentStatus(String status) {
        browser.awaitDeployment(d -> d.findElements(By.cssSelector("#deployment-status")).stream()
                .anyMatch(element -> element.getText().equals(status)));
    }

    private static String phaseStatus(String phase) {
        return (String) browser.script(
                "return document.querySelector(`li.phase[data-phase=${arguments[0]}]`)?.dataset.status ?? null", phase);
    }

    private static List<String> statuses() {
        List<String> statuses = new ArrayList<>();
        for (String phase : PHASES) {
            statuses.add(phaseStatus(phase));
        }
        return statuses;
    }
}
