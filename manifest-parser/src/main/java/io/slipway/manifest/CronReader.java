package io.slipway.manifest;

import io.slipway.manifest.CronEntry.ConcurrencyPolicy;
import io.slipway.manifest.JsonValue.JsonArray;
import io.slipway.manifest.JsonValue.JsonBoolean;
import io.slipway.manifest.JsonValue.JsonNull;
import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.JsonString;
import io.slipway.manifest.JsonValue.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code cron}, which Slipway acts on: like {@code scripts}, a value of the wrong type, a missing key, an invalid
 * schedule or an unknown policy is an error, so that a deployment never drops an entry its author asked for. Keys of an
 * entry that Slipway does not know are ignored with a warning. {@code null} means no entries.
 */
final class CronReader {

    static final String CRON = "cron";
    private static final String COMMAND = "command";
    private static final String SCHEDULE = "schedule";
    private static final String CONCURRENCY_POLICY = "concurrency_policy";
    private static final String MAINTENANCE = "maintenance";
    private static final Set<String> KEYS = Set.of(COMMAND, SCHEDULE, CONCURRENCY_POLICY, MAINTENANCE);

    private final ProblemCollector problems;

    CronReader(ProblemCollector problems) {
        this.problems = problems;
    }

    List<CronEntry> read(Optional<Member> cron) {
        if (cron.isEmpty() || cron.get().value() instanceof JsonNull) {
            return List.of();
        }
        JsonValue value = cron.get().value();
        if (!(value instanceof JsonArray array)) {
            problems.error(value.position(), CRON, "must be an array of entries, not " + value.kind());
            return List.of();
        }
        if (array.items().size() > CronEntry.MAX_ENTRIES) {
            problems.error(
                    value.position(),
                    CRON,
                    array.items().size() + " entries: an app has at most " + CronEntry.MAX_ENTRIES);
            return List.of();
        }
        List<CronEntry> entries = new ArrayList<>();
        Map<String, String> pathsById = new HashMap<>();
        for (int i = 0; i < array.items().size(); i++) {
            String path = JsonPath.index(CRON, i);
            JsonValue item = array.items().get(i);
            if (!(item instanceof JsonObject object)) {
                problems.error(
                        item.position(), path, "must be an object with command and schedule, not " + item.kind());
                continue;
            }
            entry(object, path).ifPresent(entry -> {
                String earlier = pathsById.putIfAbsent(entry.id(), path);
                if (earlier != null) {
                    problems.error(object.position(), path, "the same command and schedule as " + earlier);
                } else {
                    entries.add(entry);
                }
            });
        }
        return List.copyOf(entries);
    }

    private Optional<CronEntry> entry(JsonObject object, String path) {
        for (Member member : object.members().values()) {
            if (!KEYS.contains(member.key())) {
                problems.warn(
                        member.keyPosition(),
                        JsonPath.key(path, member.key()),
                        "ignored: a cron entry has command, schedule, concurrency_policy and maintenance");
            }
        }
        Optional<String> command = requiredString(object, path, COMMAND);
        Optional<CronSchedule> schedule =
                requiredString(object, path, SCHEDULE).flatMap(text -> schedule(object, path, text));
        Optional<ConcurrencyPolicy> policy = policy(object, path);
        Optional<Boolean> maintenance = maintenance(object, path);
        if (command.isEmpty() || schedule.isEmpty() || policy.isEmpty() || maintenance.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CronEntry(
                CronEntry.idOf(command.get(), schedule.get()),
                command.get(),
                schedule.get(),
                policy.get(),
                maintenance.get()));
    }

    private Optional<String> requiredString(JsonObject object, String path, String key) {
        Optional<Member> member = object.member(key);
        String keyPath = JsonPath.key(path, key);
        if (member.isEmpty() || member.get().value() instanceof JsonNull) {
            problems.error(object.position(), keyPath, "missing: every cron entry needs a " + key);
            return Optional.empty();
        }
        JsonValue value = member.get().value();
        if (!(value instanceof JsonString string)) {
            problems.error(value.position(), keyPath, "must be a string, not " + value.kind());
            return Optional.empty();
        }
        if (string.value().isBlank()) {
            problems.error(value.position(), keyPath, "empty: every cron entry needs a " + key);
            return Optional.empty();
        }
        return Optional.of(string.value());
    }

    private Optional<CronSchedule> schedule(JsonObject object, String path, String text) {
        try {
            return Optional.of(CronSchedule.parse(text));
        } catch (IllegalArgumentException e) {
            JsonValue value = object.member(SCHEDULE).orElseThrow().value();
            problems.error(value.position(), JsonPath.key(path, SCHEDULE), e.getMessage());
            return Optional.empty();
        }
    }

    /** Absent or null: {@code allow}, Dokku's default. */
    private Optional<ConcurrencyPolicy> policy(JsonObject object, String path) {
        Optional<JsonValue> value = object.member(CONCURRENCY_POLICY).map(Member::value);
        if (value.isEmpty() || value.get() instanceof JsonNull) {
            return Optional.of(ConcurrencyPolicy.ALLOW);
        }
        Optional<ConcurrencyPolicy> policy =
                value.get() instanceof JsonString string ? ConcurrencyPolicy.of(string.value()) : Optional.empty();
        if (policy.isEmpty()) {
            problems.error(
                    value.get().position(),
                    JsonPath.key(path, CONCURRENCY_POLICY),
                    "must be allow, forbid or replace, not " + describe(value.get()));
        }
        return policy;
    }

    /** Absent or null: false. */
    private Optional<Boolean> maintenance(JsonObject object, String path) {
        Optional<JsonValue> value = object.member(MAINTENANCE).map(Member::value);
        if (value.isEmpty() || value.get() instanceof JsonNull) {
            return Optional.of(false);
        }
        if (value.get() instanceof JsonBoolean bool) {
            return Optional.of(bool.value());
        }
        problems.error(
                value.get().position(),
                JsonPath.key(path, MAINTENANCE),
                "must be true or false, not " + value.get().kind());
        return Optional.empty();
    }

    /** A string as written (its start, when long: the message must stay readable), else the kind of value. */
    private static String describe(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            return value.kind();
        }
        String text = string.value();
        return "\"" + (text.length() > 32 ? text.substring(0, 32) + "…" : text) + "\"";
    }
}
