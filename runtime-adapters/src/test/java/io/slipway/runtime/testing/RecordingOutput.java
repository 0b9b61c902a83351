package io.slipway.runtime.testing;

import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line a task or build printed, in arrival order, for assertions. */
public final class RecordingOutput implements OutputListener {

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override
    public void onLine(OutputChannel stream, String line) {
        lines.add(new Line(stream, line));
    }

    public List<String> lines(OutputChannel stream) {
        return lines.stream().filter(l -> l.stream() == stream).map(Line::text).toList();
    }

    public List<String> all() {
        return lines.stream().map(Line::text).toList();
    }

    public boolean printed(String text) {
        return lines.stream().anyMatch(l -> l.text().equals(text));
    }

    private record Line(OutputChannel stream, String text) {}
}
