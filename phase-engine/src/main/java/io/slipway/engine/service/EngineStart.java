package io.slipway.engine.service;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the engine's start-up work is done: the sweep of what a crash left, the routes given back to the router
 * and the first report to the gateway. That work runs in the background once the process has started (see
 * {@link EngineStartup}), so the HTTP port opens without waiting for the engine; until it is done, the readiness
 * check {@code engine-start} is down, and every command is held here and then run in the order it came, so that no
 * deployment or run starts before the sweep (which removes any container that is not a current release's).
 */
@Singleton
public class EngineStart {

    private final List<Runnable> held = new ArrayList<>();
    private boolean finished;

    /** Runs {@code command} now if the start-up work is done, else once it is, after the commands held before it. */
    public void afterStart(Runnable command) {
        synchronized (held) {
            if (!finished) {
                held.add(command);
                return;
            }
        }
        command.run();
    }

    /** Runs the held commands in their order and lets every later one run at once. */
    public void finish() {
        synchronized (held) {
            if (finished) {
                return;
            }
            // Under the lock: a command that comes meanwhile waits, and so runs after every held one.
            held.forEach(Runnable::run);
            held.clear();
            finished = true;
        }
    }

    public boolean finished() {
        synchronized (held) {
            return finished;
        }
    }
}
