package io.slipway.cli.commands;

import io.slipway.cli.api.App;
import io.slipway.cli.api.Limits;
import io.slipway.cli.api.Requests;
import io.slipway.cli.config.UsageProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "limits:set",
        description = "Set the memory and CPU limits of the app's tasks, or with --type of a process type; they apply"
                + " from the next deployment on")
public class LimitsSet extends AppCommand {

    @Option(names = "--type", paramLabel = "TYPE", description = "A process type (default: the tasks)")
    String type;

    @Option(names = "--memory", paramLabel = "M", description = "e.g. 256m or 2g")
    String memory;

    @Option(names = "--cpus", paramLabel = "C", description = "e.g. 0.5")
    BigDecimal cpus;

    @Override
    public Integer call() throws IOException {
        if (memory == null && cpus == null) {
            throw new UsageProblem("give --memory, --cpus or both");
        }
        String app = app();
        // The gateway replaces the limits as a whole: the ones not named here are kept.
        Limits current = session.api().app(app).limits();
        Limits.ContainerLimits task = current == null ? null : current.task();
        Map<String, Limits.ContainerLimits> processes =
                current == null || current.processes() == null ? new TreeMap<>() : new TreeMap<>(current.processes());
        if (type == null) {
            task = merged(task);
        } else {
            processes.put(type, merged(processes.get(type)));
        }
        App changed = session.api().changeLimits(app, new Requests.LimitsChange(new Limits(task, processes)));
        if (session.jsonOutput()) {
            session.printRawJson();
        } else {
            session.out().println("Limits of " + changed.name() + " set; they apply from the next deployment on");
        }
        return 0;
    }

    private Limits.ContainerLimits merged(Limits.ContainerLimits old) {
        return new Limits.ContainerLimits(
                memory != null ? memory : old == null ? null : old.memory(),
                cpus != null ? cpus : old == null ? null : old.cpus());
    }
}
