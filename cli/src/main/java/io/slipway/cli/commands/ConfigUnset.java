package io.slipway.cli.commands;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config:unset", description = "Remove config variables")
public class ConfigUnset extends ConfigChange {

    @Parameters(paramLabel = "KEY", arity = "1..*")
    List<String> keys;

    @Override
    public Integer call() throws IOException {
        // A merge patch removes a variable given as null.
        Map<String, String> changes = new HashMap<>();
        keys.forEach(key -> changes.put(key, null));
        return apply(changes, "Unset " + String.join(", ", keys));
    }
}
