package io.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the gateway on one core and the load generator (this JVM, every thread of it) on another with
 * {@code taskset}, so that a latency under load is the gateway's and not the generator's; {@link #close()}
 * gives both back the cores they had. With fewer than two cores it pins nothing and says so.
 */
final class CorePinning implements AutoCloseable {

    /** Where each ran: the cores each was allowed while the load ran, as {@code taskset} lists them. */
    record Placement(boolean pinned, String gatewayCores, String generatorCores) {

        String describe() {
            if (pinned) {
                return "The gateway ran on core " + gatewayCores
                        + " and the load generator (the harness's JVM) on core " + generatorCores + " (`taskset`).";
            }
            return "Not pinned: the harness had one core (" + generatorCores
                    + "), which the gateway and the load generator shared.";
        }
    }

    private final long gateway;
    private final String gatewayBefore;
    private final String generatorBefore;
    private final Placement placement;

    private CorePinning(long gateway) {
        this.gateway = gateway;
        this.gatewayBefore = allowedCores(gateway);
        this.generatorBefore = allowedCores(self());
        List<Integer> cores = expand(generatorBefore);
        if (cores.size() < 2) {
            placement = new Placement(false, gatewayBefore, generatorBefore);
            return;
        }
        taskset(Integer.toString(cores.get(0)), gateway);
        try {
            taskset(Integer.toString(cores.get(1)), self());
        } catch (RuntimeException e) {
            taskset(gatewayBefore, gateway);
            throw e;
        }
        placement = new Placement(true, allowedCores(gateway), allowedCores(self()));
    }

    static CorePinning pin(long gatewayPid) {
        return new CorePinning(gatewayPid);
    }

    Placement placement() {
        return placement;
    }

    @Override
    public void close() {
        if (placement.pinned()) {
            taskset(generatorBefore, self());
            taskset(gatewayBefore, gateway);
        }
    }

    private static long self() {
        return ProcessHandle.current().pid();
    }

    /** The {@code Cpus_allowed_list} of a process, e.g. {@code 0-1}. */
    static String allowedCores(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no Cpus_allowed_list for " + pid);
    }

    /** {@code 0-2,5} as {@code [0, 1, 2, 5]}. */
    static List<Integer> expand(String list) {
        List<Integer> cores = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.strip().split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
            for (int core = first; core <= last; core++) {
                cores.add(core);
            }
        }
        return cores;
    }

    /** Every thread of the process, present and (inherited) future, on these cores. */
    private static void taskset(String cores, long pid) {
        try {
            Process process = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("taskset -a -p -c " + cores + " " + pid + ": " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
