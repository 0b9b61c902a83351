package io.slipway.engine.service;

import io.slipway.engine.config.EngineConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who this worker is in its claims and reports: its id and its pool. */
public record WorkerIdentity(String workerId, String pool) {

    static WorkerIdentity of(EngineConfig config) {
        return new WorkerIdentity(
                config.workerId().filter(id -> !id.isBlank()).orElseGet(WorkerIdentity::hostAndPid), config.pool());
    }

    /** Unique among the workers of one host, and readable in the gateway's list of workers. */
    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
