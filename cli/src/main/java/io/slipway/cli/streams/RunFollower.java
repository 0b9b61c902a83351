package io.slipway.cli.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.api.Run;
import io.slipway.cli.api.StreamEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Follows a run's output: its stdout lines on stdout and its stderr lines on stderr, as the command wrote them, until
 * the stream's last event, the run as it ended.
 */
public final class RunFollower {

    private static final String STDERR = "STDERR";

    private final ObjectMapper json;
    private final PrintStream out;
    private final PrintStream err;

    public RunFollower(ObjectMapper json, PrintStream out, PrintStream err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** {@code current} reads the run when the stream ended without its last event (the connection broke). */
    public Run follow(Iterable<SseEvent<String>> events, Supplier<Run> current) throws IOException {
        for (SseEvent<String> event : events) {
            if (StreamEvents.END.equals(event.name()) || StreamEvents.ERROR.equals(event.name())) {
                return json.readValue(event.data(), Run.class);
            }
            StreamEvents.Line line = json.readValue(event.data(), StreamEvents.Line.class);
            (STDERR.equals(line.stream()) ? err : out).println(line.line());
        }
        return current.get();
    }

    /** The command's own exit code where it has one, so that scripts can act on it; else 0 or 1. */
    public static int exitCode(Run ended) {
        if (Run.SUCCEEDED.equals(ended.status())) {
            return 0;
        }
        return exitedOnItsOwn(ended) ? ended.exitCode() : 1;
    }

    /** Why a run failed without an exit code of its own (timed out, cancelled, could not start), for stderr. */
    public static Optional<String> failure(Run ended) {
        if (Run.SUCCEEDED.equals(ended.status()) || exitedOnItsOwn(ended)) {
            return Optional.empty();
        }
        return Optional.of(
                "run " + ended.id() + " " + ended.status() + (ended.reason() == null ? "" : ": " + ended.reason()));
    }

    private static boolean exitedOnItsOwn(Run ended) {
        return Run.FAILED.equals(ended.status()) && ended.exitCode() != null && ended.exitCode() != 0;
    }
}
