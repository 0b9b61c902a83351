package io.slipway.cli.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.api.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFollowerTests {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RunFollower follower = new RunFollower(json, new PrintStream(out, true), new PrintStream(err, true));

    private static String line(String stream, long seq, String text) {
        return "{\"stream\":\"" + stream + "\",\"seq\":" + seq + ",\"line\":\"" + text
                + "\",\"at\":\"2026-01-01T00:00:00Z\"}";
    }

    private static Run run(String status, Integer exitCode, String reason) {
        return new Run("r1", "shop", "rake db:migrate", status, exitCode, null, null, reason);
    }

    @Test
    void printsStdoutAndStderrWhereTheyBelongAndReturnsTheRunOfTheLastEvent() throws IOException {
        Run ended = follower.follow(
                List.of(
                        Events.line(line("STDOUT", 1, "migrating")),
                        Events.line(line("STDERR", 2, "warning: slow")),
                        new Events(
                                "end",
                                "{\"id\":\"r1\",\"status\":\"FAILED\",\"exitCode\":3,"
                                        + "\"finishedAt\":\"2026-01-01T00:00:05Z\",\"trigger\":\"cli\"}")),
                () -> {
                    throw new AssertionError("the run came with the stream's last event");
                });

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("migrating\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning: slow\n");
        assertThat(ended.status()).isEqualTo("FAILED");
        assertThat(RunFollower.exitCode(ended)).isEqualTo(3);
        assertThat(RunFollower.failure(ended)).isEmpty();
    }

    @Test
    void aStreamThatEndsWithoutItsLastEventAsksForTheRun() throws IOException {
        Run ended = follower.follow(List.of(Events.line(line("STDOUT", 1, "ok"))), () -> run("SUCCEEDED", 0, null));

        assertThat(RunFollower.exitCode(ended)).isZero();
    }

    @Test
    void theExitCodeIsTheCommandsOwnElseZeroOrOne() {
        assertThat(RunFollower.exitCode(run("SUCCEEDED", 0, null))).isZero();
        assertThat(RunFollower.exitCode(run("FAILED", 42, null))).isEqualTo(42);
        assertThat(RunFollower.exitCode(run("FAILED", null, "the engine failed")))
                .isEqualTo(1);
        assertThat(RunFollower.exitCode(run("TIMED_OUT", null, "timed out after 60s")))
                .isEqualTo(1);
        assertThat(RunFollower.exitCode(run("CANCELLED", null, null))).isEqualTo(1);
    }

    @Test
    void aRunWithoutAnExitCodeOfItsOwnSaysWhy() {
        assertThat(RunFollower.failure(run("TIMED_OUT", null, "timed out after 60s")))
                .contains("run r1 TIMED_OUT: timed out after 60s");
        assertThat(RunFollower.failure(run("FAILED", null, null))).contains("run r1 FAILED");
        assertThat(RunFollower.failure(run("SUCCEEDED", 0, null))).isEmpty();
    }
}
