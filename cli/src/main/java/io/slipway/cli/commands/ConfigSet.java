package io.slipway.cli.commands;

import io.slipway.cli.config.UsageProblem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config:set", description = "Set config variables")
public class ConfigSet extends ConfigChange {

    @Parameters(paramLabel = "KEY=VALUE", arity = "1..*")
    List<String> assignments;

    @Override
    public Integer call() throws IOException {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                // Never the argument itself: it may hold a value.
                throw new UsageProblem("expected KEY=VALUE, got an argument without a name before =");
            }
            changes.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return apply(changes, "Set " + String.join(", ", changes.keySet()));
    }
}
