package io.slipway.engine.pipeline;

import io.slipway.runtime.router.Router;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A router that records each change among the recording runtime's calls, so tests see the whole order. */
final class RecordingRouter implements Router {

    private final RecordingRuntime runtime;
    final Map<String, List<String>> routes = new TreeMap<>();
    final Set<String> stopped = new TreeSet<>();

    RecordingRouter(RecordingRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void route(String app, List<String> upstreams) {
        runtime.calls.add(new RecordingRuntime.Call("route", app + " to " + upstreams));
        stopped.remove(app);
        if (upstreams.isEmpty()) {
            routes.remove(app);
        } else {
            routes.put(app, List.copyOf(upstreams));
        }
    }

    @Override
    public void stop(String app) {
        runtime.calls.add(new RecordingRuntime.Call("route", app + " stopped"));
        routes.remove(app);
        stopped.add(app);
    }

    @Override
    public boolean isStopped(String app) {
        return stopped.contains(app);
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
