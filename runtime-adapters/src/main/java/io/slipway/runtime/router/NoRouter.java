package io.slipway.runtime.router;

import java.util.List;
import java.util.Map;

/** {@code SLIPWAY_ROUTER=none}: no proxy; apps are reached at their processes' published addresses. */
final class NoRouter implements Router {

    @Override
    public void route(String app, List<String> upstreams) {}

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
