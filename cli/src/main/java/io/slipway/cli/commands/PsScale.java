package io.slipway.cli.commands;

import io.slipway.cli.config.UsageProblem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ps:scale", description = "Scale process types, e.g. web=2 worker=1")
public class PsScale extends AppCommand {

    @Parameters(paramLabel = "TYPE=N", arity = "1..*")
    List<String> quantities;

    @Override
    public Integer call() throws IOException {
        String app = app();
        // The gateway replaces the formation: types not named here keep their scale.
        Map<String, Integer> formation = new LinkedHashMap<>(session.api().formation(app));
        for (String quantity : quantities) {
            String[] parts = quantity.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new UsageProblem("expected TYPE=N, got " + quantity);
            }
            try {
                formation.put(parts[0], Integer.parseInt(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new UsageProblem("not a number of processes: " + quantity);
            }
        }
        session.api().scale(app, formation);
        if (session.jsonOutput()) {
            session.printRawJson();
        } else {
            session.out().println("Scaled " + app + ": " + formation);
        }
        return 0;
    }
}
