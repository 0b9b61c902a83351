package io.slipway.engine.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pipeline settings for tests, with defaults for everything a test does not care about:
 * {@code PipelineSettingsBuilder.forRecordingRuntime().maxLogLines(1000).build()}.
 */
public final class PipelineSettingsBuilder {

    private Duration taskTimeout = Duration.ofMinutes(10);
    private Duration startTimeout = Duration.ofSeconds(2);
    private Duration settleTime = Duration.ZERO;
    private Duration stopGrace = Duration.ofSeconds(1);
    private Duration waitToRetire = Duration.ZERO;
    private int port = 5000;
    private List<String> shell = List.of("/bin/sh", "-c");
    private int maxLogLines = 100_000;
    private Optional<String> network = Optional.empty();

    private PipelineSettingsBuilder() {}

    /** No settle or retire wait: a recording runtime's containers run as soon as they are started. */
    public static PipelineSettingsBuilder forRecordingRuntime() {
        return new PipelineSettingsBuilder();
    }

    /** Real engines take real time to start a container, and a new one is watched for a second. */
    public static PipelineSettingsBuilder forRealEngines() {
        return new PipelineSettingsBuilder()
                .taskTimeout(Duration.ofMinutes(2))
                .startTimeout(Duration.ofSeconds(30))
                .settleTime(Duration.ofSeconds(1))
                .stopGrace(Duration.ofSeconds(2))
                .waitToRetire(Duration.ofSeconds(1));
    }

    public PipelineSettingsBuilder taskTimeout(Duration taskTimeout) {
        this.taskTimeout = taskTimeout;
        return this;
    }

    public PipelineSettingsBuilder startTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
        return this;
    }

    public PipelineSettingsBuilder settleTime(Duration settleTime) {
        this.settleTime = settleTime;
        return this;
    }

    public PipelineSettingsBuilder stopGrace(Duration stopGrace) {
        this.stopGrace = stopGrace;
        return this;
    }

    public PipelineSettingsBuilder waitToRetire(Duration waitToRetire) {
        this.waitToRetire = waitToRetire;
        return this;
    }

    public PipelineSettingsBuilder maxLogLines(int maxLogLines) {
        this.maxLogLines = maxLogLines;
        return this;
    }

    /** The network mode ({@code SLIPWAY_NETWORK}); empty for each app's own network. */
    public PipelineSettingsBuilder network(Optional<String> network) {
        this.network = network;
        return this;
    }

    public PipelineSettings build() {
        return new PipelineSettings(
                taskTimeout, startTimeout, settleTime, stopGrace, waitToRetire, port, shell, maxLogLines, network);
    }
}
