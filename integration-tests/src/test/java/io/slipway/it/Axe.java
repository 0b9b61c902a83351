package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The axe-core accessibility audit of the page a browser shows, against WCAG 2.0 and 2.1, levels A and AA. axe-core
 * is installed from the npm registry into {@code target/axe} at its first use (a pinned version), never kept in the
 * repository; its script is injected into the page and run there.
 */
final class Axe {

    static final String VERSION = "4.14.1";
    private static final Path PREFIX = Path.of("target", "axe");
    private static final Path SCRIPT = PREFIX.resolve(Path.of("node_modules", "axe-core", "axe.min.js"));
    private static final long INSTALL_TIMEOUT_MINUTES = 3;
    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(result => done(result.violations.map(v => v.id + ' (' + v.help + '): '"
            + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
            + ".catch(e => done(['axe failed: ' + e]));";

    private static String source;

    private Axe() {}

    /** Fails with each violation's rule and the elements it found, if the page in view has any. */
    static void assertNoViolations(Browser browser, String page) throws IOException, InterruptedException {
        if (Boolean.TRUE.equals(browser.script("return typeof window.axe === 'undefined'"))) {
            browser.script(source());
        }
        Object violations = browser.asyncScript(Duration.ofSeconds(60), RUN);
        assertThat((List<?>) violations)
                .as("axe-core violations on the " + page + " page")
                .isEmpty();
    }

    private static synchronized String source() throws IOException, InterruptedException {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                install();
            }
            source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        }
        return source;
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(PREFIX);
        Path log = PREFIX.resolve("npm.log");
        Process npm = new ProcessBuilder(List.of(
                        "npm",
                        "install",
                        "--no-save",
                        "--no-package-lock",
                        "--no-audit",
                        "--no-fund",
                        "--prefix",
                        PREFIX.toString(),
                        "axe-core@" + VERSION))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            npm.destroyForcibly();
        }
        assertThat(ended && npm.exitValue() == 0 && Files.isRegularFile(SCRIPT))
                .as("npm installs axe-core " + VERSION + ": " + Files.readString(log, StandardCharsets.UTF_8))
                .isTrue();
    }
}
