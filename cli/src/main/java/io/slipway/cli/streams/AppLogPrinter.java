package io.slipway.cli.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.api.StreamEvents;
import java.io.IOException;
import java.io.PrintStream;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Prints an app's log stream: each line as {@code web.1 | line} on stdout, so that it can be piped; a move to a new
 * release's containers as a note on stderr. With {@code rawJson} each line is the event's JSON as sent. A stream that broke off is a failure with the gateway's reason.
 */
public final class AppLogPrinter {

    private final ObjectMapper json;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean rawJson;

    public AppLogPrinter(ObjectMapper json, PrintStream out, PrintStream err, boolean rawJson) {
        this.json = json;
        this.out = out;
        this.err = err;
        this.rawJson = rawJson;
    }

    public void print(Iterable<SseEvent<String>> events) throws IOException {
        for (SseEvent<String> event : events) {
            if (StreamEvents.RELEASE.equals(event.name())) {
                err.println("-----> now following deployment "
                        + json.readTree(event.data()).path("deploymentId").asText());
            } else if (StreamEvents.ERROR.equals(event.name())) {
                throw new IOException("the log stream broke off: "
                        + json.readValue(event.data(), StreamEvents.Failure.class)
                                .detail());
            } else if (rawJson) {
                out.println(event.data());
            } else {
                StreamEvents.AppLine line = json.readValue(event.data(), StreamEvents.AppLine.class);
                out.println(line.process() + " | " + line.line());
            }
        }
    }
}
