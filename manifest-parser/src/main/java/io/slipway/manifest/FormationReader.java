package io.slipway.manifest;

import io.slipway.manifest.JsonValue.Member;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code formation}: process type to {@code {quantity, size}}. */
final class FormationReader {

    static final String FORMATION = "formation";

    private final LenientValues values;
    private final ProblemCollector problems;
    private final ProcessLimit limit;

    FormationReader(LenientValues values, ProblemCollector problems, ProcessLimit limit) {
        this.values = values;
        this.problems = problems;
        this.limit = limit;
    }

    Map<String, ProcessFormation> read(Optional<Member> formation) {
        Map<String, ProcessFormation> processes = new LinkedHashMap<>();
        formation.flatMap(member -> values.object(member.value(), FORMATION)).ifPresent(object -> {
            for (Member process : object.members().values()) {
                String path = JsonPath.key(FORMATION, process.key());
                values.object(process.value(), path).ifPresent(fields -> {
                    FieldReader reader = new FieldReader(fields, path);
                    // Unlike a wrong type, a quantity the engine would refuse is an error: dropping it would
                    // silently run a different scale than the file asks for.
                    Optional<Integer> quantity =
                            reader.read("quantity", values::count, (Integer count) -> limit.problem(count), problems);
                    processes.put(process.key(), new ProcessFormation(quantity, reader.read("size", values::string)));
                });
            }
        });
        return processes;
    }
}
