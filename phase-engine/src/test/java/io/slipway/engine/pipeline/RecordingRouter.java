package io.slipway.engine.pipeline;

import io.slipway.runtime.router.Router;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A router that records each change among the recording runtime's calls, so tests see the whole order. */
final class RecordingRouter implements Router {

    private final RecordingRuntime runtime;
    final Map<String, List<String>> routes = new TreeMap<>();

    RecordingRouter(RecordingRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void route(String app, List<String> upstreams) {
        runtime.calls.add(new RecordingRuntime.Call("route", app + " to " + upstreams));
        if (upstreams.isEmpty()) {
            routes.remove(app);
        } else {
            routes.put(app, List.copyOf(upstreams));
        }
    }

    @Override
    public List<String> upstreams(String app) {
        return routes.getOrDefault(app, List.of());
    }

    @Override
    public void restore(Map<String, List<String>> given) {
        routes.clear();
        routes.putAll(given);
    }

    @Override
    public boolean reapplyIfLost() {
        return false;
    }

    @Override
    public String describe() {
        return "recording";
    }
}
