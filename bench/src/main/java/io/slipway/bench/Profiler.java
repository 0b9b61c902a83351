package io.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import one.profiler.AsyncProfilerLoader;

/**
 * Profiles of the measured gateway, one per named section (for example "podman-20-at-once"), taken with
 * async-profiler when {@code bench/run} is given {@code BENCH_PROFILE}. A section may be profiled in several
 * pieces (the timed rounds of a scenario, not the floor's runs between them): its samples add up, and every pause
 * writes the section's flame graph ({@code <section>.html}) and its collapsed stacks ({@code <section>.collapsed})
 * so far.
 */
final class Profiler {

    private static final String INTERVAL = "5ms";

    /** What a sample is. */
    enum Sampling {
        /**
         * Every thread's stack every interval, running or waiting: a deploy mostly waits for the engine, which a
         * CPU profile would not show. Only stacks with a Slipway frame are kept: threads of the JVM, Vert.x and
         * the engine client that wait for work are left out, the threads that wait on the engine for a deployment
         * are not.
         */
        WALL("wall", "*slipway*"),
        /** The stacks that use the CPU (interval timer: needs no perf events), all of them: JIT and GC included. */
        CPU("itimer", "*");

        private final String event;
        private final String include;

        Sampling(String event, String include) {
            this.event = event;
            this.include = include;
        }
    }

    private final Path dir;
    private final long pid;
    private String section;

    private Profiler(Path dir, long pid) {
        this.dir = dir;
        this.pid = pid;
    }

    /** A profiler that does nothing, for runs without {@code BENCH_PROFILE}. */
    static Profiler none() {
        return new Profiler(null, 0);
    }

    static Profiler of(Path dir, long pid) {
        try {
            return new Profiler(Files.createDirectories(dir), pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} profiled as part of {@code name}; the time the profiler itself takes is outside it. */
    <T> T during(String name, Sampling sampling, Supplier<T> work) {
        if (dir == null) {
            return work.get();
        }
        // "start" begins a section anew; "resume" adds to the one profiled last.
        asprof(name.equals(section) ? "resume" : "start", "-e", sampling.event, "-i", INTERVAL);
        section = name;
        try {
            return work.get();
        } finally {
            asprof("dump", "-o", "collapsed", "-I", sampling.include, "-f", output(name, "collapsed"));
            asprof("stop", "-o", "flamegraph", "-I", sampling.include, "--title", name, "-f", output(name, "html"));
        }
    }

    private String output(String section, String extension) {
        return dir.resolve(section + "." + extension).toString();
    }

    private void asprof(String action, String... options) {
        List<String> args = new ArrayList<>(List.of(action));
        args.addAll(List.of(options));
        args.add(Long.toString(pid));
        try {
            AsyncProfilerLoader.ExecutionResult result =
                    AsyncProfilerLoader.executeProfiler(args.toArray(String[]::new));
            if (!result.getStderr().isBlank()) {
                BenchMain.progress(
                        "profiler " + action + ": " + result.getStderr().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("async-profiler " + action + " failed", e);
        }
    }
}
