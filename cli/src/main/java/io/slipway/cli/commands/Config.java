package io.slipway.cli.commands;

import io.slipway.cli.output.Table;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;

@Command(name = "config", description = "The app's config variables")
public class Config extends AppCommand {

    @Override
    public Integer call() throws IOException {
        Map<String, String> config = session.api().config(app());
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        Table table = new Table("NAME", "VALUE");
        new TreeMap<>(config).forEach(table::row);
        session.out().print(table.render(session.style()));
        return 0;
    }
}
