package io.slipway.gateway;

import com.fasterxml.jackson.annotation.JsonValue;
import io.slipway.contract.ProcessState;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an app is doing, as its view says it: from what is stored and what the engine last reported, never asked. */
public enum AppState {
    /** No release yet. */
    NEW,
    RUNNING,
    /** A deployment (of any kind) is queued or running. */
    DEPLOYING,
    /** Stopped by its operator. */
    STOPPED,
    /** A process container has exited, or the engine restarts it (it did at least once). */
    CRASHED;

    private static final Set<ProcessState> BROKEN =
            EnumSet.of(ProcessState.EXITED, ProcessState.DEAD, ProcessState.RESTARTING);

    /** The state before the processes are looked at. */
    public static AppState of(boolean released, boolean deploying, boolean stopped) {
        if (!released) {
            return NEW;
        }
        if (deploying) {
            return DEPLOYING;
        }
        return stopped ? STOPPED : RUNNING;
    }

    /** A running app whose processes, as reported, include a broken one is crashed; other states stay. */
    public AppState given(List<AppView.ProcessView> processes) {
        boolean broken = processes.stream()
                .anyMatch(process ->
                        BROKEN.contains(process.state()) || (process.restarts() != null && process.restarts() > 0));
        return this == RUNNING && broken ? CRASHED : this;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
