package io.slipway.runtime.router;

import java.util.List;
import java.util.Map;

/** {@code SLIPWAY_ROUTER=none}: no proxy; apps are reached at their processes' published addresses. */
final class NoRouter implements Router {

    @Override
    public void route(String app, List<String> upstreams) {}

    /** Nothing to answer for the app: its stopped processes publish no address. */
    @Override
    public void stop(String app) {}

    @Override
    public boolean isStopped(String app) {
        return false;
    }

    @Override
    public List<String> upstreams(String app) {
        return List.of();
    }

    @Override
    public void restore(Map<String, List<String>> routes) {}

    @Override
    public boolean reapplyIfLost() {
        return false;
    }

    @Override
    public String describe() {
        return "none";
    }
}
