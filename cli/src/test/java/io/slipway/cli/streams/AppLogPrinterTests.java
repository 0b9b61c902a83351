package io.slipway.cli.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.junit.jupiter.api.Test;

class AppLogPrinterTests {

    private static final String WEB_LINE = "{\"process\":\"web.1\",\"type\":\"web\",\"containerId\":\"c1\","
            + "\"deploymentId\":\"d1\",\"stream\":\"STDOUT\",\"line\":\"GET / 200\",\"at\":\"2026-01-01T00:00:00Z\"}";
    private static final String WORKER_LINE = "{\"process\":\"worker.2\",\"type\":\"worker\",\"stream\":\"STDERR\","
            + "\"line\":\"retrying\",\"at\":\"2026-01-01T00:00:01Z\"}";

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void print(boolean rawJson, List<SseEvent<String>> events) throws IOException {
        new AppLogPrinter(json, new PrintStream(out, true), new PrintStream(err, true), rawJson).print(events);
    }

    @Test
    void eachLineIsItsProcessAndTextOnStdoutAndAReleaseIsANoteOnStderr() throws IOException {
        print(
                false,
                List.of(
                        Events.line(WEB_LINE),
                        new Events("release", "{\"deploymentId\":\"d2\"}"),
                        Events.line(WORKER_LINE)));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("web.1 | GET / 200\nworker.2 | retrying\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("-----> now following deployment d2\n");
    }

    @Test
    void withJsonEachLineIsTheEventAsSent() throws IOException {
        print(true, List.of(Events.line(WEB_LINE)));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(WEB_LINE + "\n");
    }

    @Test
    void aStreamThatBrokeOffIsAFailureWithTheGatewaysReason() throws IOException {
        List<SseEvent<String>> events =
                List.of(Events.line(WEB_LINE), new Events("error", "{\"detail\":\"the engine failed\"}"));

        assertThatThrownBy(() -> print(false, events))
                .isInstanceOf(IOException.class)
                .hasMessage("the log stream broke off: the engine failed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("web.1 | GET / 200\n");
    }
}
