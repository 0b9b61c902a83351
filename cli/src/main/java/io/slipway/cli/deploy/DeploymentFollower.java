package io.slipway.cli.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.api.Deployment;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.api.StreamEvents;
import io.slipway.cli.output.Style;
import io.slipway.cli.output.Times;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Follows a deployment's event stream: a heading when a phase starts and one when it ends (status, duration, and for
 * a task phase whether its changes were committed or discarded), each line of output indented below, the reason of a
 * failure. Returns the deployment as it ended.
 */
public final class DeploymentFollower {

    /** The task phases whose container changes become the release image; the others' are discarded (SPEC §2). */
    private static final Set<String> COMMITTED = Set.of("PREDEPLOY");

    private static final Set<String> DISCARDED = Set.of("RELEASE", "SETUP", "POSTDEPLOY");

    private final SlipwayApi api;
    private final ObjectMapper json;
    private final PrintStream out;
    private final Style style;
    private final Map<String, Instant> startedAt = new HashMap<>();

    public DeploymentFollower(SlipwayApi api, ObjectMapper json, PrintStream out, Style style) {
        this.api = api;
        this.json = json;
        this.out = out;
        this.style = style;
    }

    public Deployment follow(String id) throws IOException {
        for (SseEvent<String> event : api.deploymentLogs(id).subscribe().asIterable()) {
            if (StreamEvents.PHASE.equals(event.name())) {
                phase(json.readValue(event.data(), StreamEvents.PhaseChange.class));
            } else {
                out.println("       "
                        + json.readValue(event.data(), StreamEvents.Line.class).line());
            }
        }
        Deployment ended = api.deployment(id);
        out.println(style.bold("=====> " + ended.id() + " " + style.status(ended.status()))
                + (ended.reason() == null ? "" : ": " + ended.reason()));
        return ended;
    }

    private void phase(StreamEvents.PhaseChange change) {
        if ("RUNNING".equals(change.status())) {
            startedAt.put(change.phase(), change.at());
            out.println(style.bold("-----> " + change.phase()) + commandOf(change));
            return;
        }
        if ("PENDING".equals(change.status())) {
            return;
        }
        StringBuilder heading = new StringBuilder("-----> " + change.phase() + " " + style.status(change.status()));
        String took = Times.duration(startedAt.get(change.phase()), change.at());
        if (!took.isEmpty()) {
            heading.append(" in ").append(took);
        }
        if ("SUCCEEDED".equals(change.status())) {
            if (COMMITTED.contains(change.phase())) {
                heading.append(" (changes committed to the release image)");
            } else if (DISCARDED.contains(change.phase())) {
                heading.append(" (changes discarded)");
            }
        }
        if (change.exitCode() != null && change.exitCode() != 0) {
            heading.append(", exit code ").append(change.exitCode());
        }
        if (change.reason() != null) {
            heading.append(": ").append(change.reason());
        }
        out.println(heading);
    }

    private static String commandOf(StreamEvents.PhaseChange change) {
        return change.command() == null ? "" : ": " + change.command();
    }
}
