package io.slipway.engine.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers each attempt from a script (then passes), and records which checks were attempted. */
final class ScriptedProbe implements HealthProbe {

    final Deque<Attempt> answers = new ArrayDeque<>();
    final List<String> attempted = new ArrayList<>();
    /** Runs at each attempt, e.g. to have the engine restart the container while it is checked. */
    Runnable onAttempt = () -> {};

    ScriptedProbe answering(Attempt... script) {
        answers.addAll(List.of(script));
        return this;
    }

    @Override
    public Attempt attempt(WebCheck check, String containerId, String address) {
        attempted.add(check.name() + " " + check.kind() + " " + containerId + " " + address);
        onAttempt.run();
        return answers.isEmpty() ? Attempt.passed("ok") : answers.poll();
    }
}
