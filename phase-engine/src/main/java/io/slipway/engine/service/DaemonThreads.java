package io.slipway.engine.service;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the process alive: a stopping process ends whatever its timers and workers are doing. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
