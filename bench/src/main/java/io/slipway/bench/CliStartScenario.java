package io.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CLI's start: wall time of the whole {@code scripts/slipway version} (the packaged CLI, as an operator runs
 * it), after warm-up runs that also leave the script's class-data sharing archive made.
 */
final class CliStartScenario {

    static final double TARGET_MS = 800;
    private static final int WARM_UP = 3;

    private final Path script;
    private final Path javaHome;

    /**
     * @param script {@code scripts/slipway}
     * @param java the java launcher the CLI runs on
     */
    CliStartScenario(Path script, Path java) {
        this.script = script;
        this.javaHome = java.toAbsolutePath().getParent().getParent();
    }

    Samples measure(int runs) {
        for (int i = 0; i < WARM_UP; i++) {
            run();
        }
        Samples wall = new Samples();
        for (int i = 0; i < runs; i++) {
            wall.add(run());
        }
        BenchMain.progress("start-up, slipway version: " + Math.round(wall.median()) + " ms");
        return wall;
    }

    private Duration run() {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "version").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("SLIPWAY_CLI_JAVA_OPTS");
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (exit != 0 || !out.startsWith("slipway ")) {
                throw new IllegalStateException("slipway version exited " + exit + ": " + out.strip());
            }
            return took;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
