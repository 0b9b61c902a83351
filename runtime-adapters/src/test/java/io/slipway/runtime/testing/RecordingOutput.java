package io.slipway.runtime.testing;

import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every line a task or build printed, in arrival order, for assertions. */
public final class RecordingOutput implements OutputListener {

    // Not a copy-on-write list: a task may print hundreds of thousands of lines.
    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized void onLine(OutputChannel stream, String line) {
        lines.add(new Line(stream, line));
    }

    public synchronized List<String> lines(OutputChannel stream) {
        return lines.stream().filter(l -> l.stream() == stream).map(Line::text).toList();
    }

    public synchronized List<String> all() {
        return lines.stream().map(Line::text).toList();
    }

    public synchronized boolean printed(String text) {
        return lines.stream().anyMatch(l -> l.text().equals(text));
    }

    private record Line(OutputChannel stream, String text) {}
}
