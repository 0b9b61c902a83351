package io.slipway.manifest;

import io.slipway.manifest.JsonValue.Member;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code formation}: process type to {@code {quantity, size}}. */
final class FormationReader {

    static final String FORMATION = "formation";

    private final LenientValues values;

    FormationReader(LenientValues values) {
        this.values = values;
    }

    Map<String, ProcessFormation> read(Optional<Member> formation) {
        Map<String, ProcessFormation> processes = new LinkedHashMap<>();
        formation.flatMap(member -> values.object(member.value(), FORMATION)).ifPresent(object -> {
            for (Member process : object.members().values()) {
                String path = JsonPath.key(FORMATION, process.key());
                values.object(process.value(), path).ifPresent(fields -> {
                    FieldReader reader = new FieldReader(fields, path);
                    processes.put(
                            process.key(),
                            new ProcessFormation(
                                    reader.read("quantity", values::count), reader.read("size", values::string)));
                });
            }
        });
        return processes;
    }
}
