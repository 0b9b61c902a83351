package io.slipway.manifest;

import static io.slipway.manifest.Manifests.appJson;
import static io.slipway.manifest.Manifests.appJsonErrors;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.manifest.CronEntry.ConcurrencyPolicy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** app.json {@code cron}: Dokku's keys and rules; every mistake is an error with its path and position. */
class AppJsonCronTests {

    private static final Instant SUNDAY_EVENING = Instant.parse("2026-12-06T23:00:30Z");

    @Test
    void readsEntriesInFileOrderWithDokkusDefaults() throws ManifestException {
        AppJson app = appJson("""
        {"cron": [
          {"command": "python manage.py clearsessions", "schedule": "*/12 * * * *"},
          {"command": "worker-report", "schedule": "@daily", "concurrency_policy": "forbid", "maintenance": true},
          {"command": "sync", "schedule": "0 5 * * MON-FRI", "concurrency_policy": "replace", "maintenance": false}
        ]}""");

        assertThat(app.cron())
                .extracting(CronEntry::command)
                .containsExactly("python manage.py clearsessions", "worker-report", "sync");
        assertThat(app.cron())
                .extracting(CronEntry::concurrencyPolicy)
                .containsExactly(ConcurrencyPolicy.ALLOW, ConcurrencyPolicy.FORBID, ConcurrencyPolicy.REPLACE);
        assertThat(app.cron()).extracting(CronEntry::maintenance).containsExactly(false, true, false);
        assertThat(app.cron().get(1).schedule().text()).isEqualTo("@daily");
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void nextRunTimesAreInUtc() throws ManifestException {
        AppJson app = appJson("""
        {"cron": [
          {"command": "a", "schedule": "*/12 * * * *"},
          {"command": "b", "schedule": "@hourly"},
          {"command": "c", "schedule": "@weekly"},
          {"command": "d", "schedule": "@monthly"},
          {"command": "e", "schedule": "@yearly"},
          {"command": "f", "schedule": "@annually"},
          {"command": "g", "schedule": "@midnight"},
          {"command": "h", "schedule": "0 5 * * MON-FRI"}
        ]}""");

        assertThat(app.cron().stream()
                        .map(entry -> entry.schedule()
                                .nextRunAfter(SUNDAY_EVENING)
                                .orElseThrow()
                                .toString()))
                .containsExactly(
                        "2026-12-06T23:12:00Z",
                        "2026-12-07T00:00:00Z",
                        "2026-12-13T00:00:00Z",
                        "2027-01-01T00:00:00Z",
                        "2027-01-01T00:00:00Z",
                        "2027-01-01T00:00:00Z",
                        "2026-12-07T00:00:00Z",
                        "2026-12-07T05:00:00Z");
    }

    @Test
    void anEntrysIdIsStableForTheSameCommandAndScheduleAndChangesWithEither() throws ManifestException {
        String id = appJson("{\"cron\": [{\"command\": \"a\", \"schedule\": \"@daily\"}]}")
                .cron()
                .get(0)
                .id();

        assertThat(appJson("{\"cron\": [{\"schedule\": \"@daily\", \"maintenance\": true, \"command\": \"a\"}]}")
                        .cron()
                        .get(0)
                        .id())
                .isEqualTo(id)
                .matches("[0-9a-f]{16}");
        assertThat(appJson("{\"cron\": [{\"command\": \"b\", \"schedule\": \"@daily\"}]}")
                        .cron()
                        .get(0)
                        .id())
                .isNotEqualTo(id);
        assertThat(appJson("{\"cron\": [{\"command\": \"a\", \"schedule\": \"@hourly\"}]}")
                        .cron()
                        .get(0)
                        .id())
                .isNotEqualTo(id);
    }

    @Test
    void nullOrAnEmptyListMeansNoEntriesAndUnknownKeysOfAnEntryAreWarnings() throws ManifestException {
        assertThat(appJson("{\"cron\": null}").cron()).isEmpty();
        assertThat(appJson("{\"cron\": []}").cron()).isEmpty();
        AppJson app = appJson("{\"cron\": [{\"command\": \"a\", \"schedule\": \"@daily\", \"name\": \"x\"}]}");
        assertThat(app.cron()).hasSize(1);
        assertThat(where(app.warnings())).containsExactly("1:50 cron[0].name");
    }

    /** A case: app.json, then each error as "line:column path" with a fragment of its message. */
    record Wrong(String name, String json, List<String> where, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Wrong> wrong() {
        return Stream.of(
                new Wrong(
                        "cron as an object",
                        "{\"cron\": {\"command\": \"a\"}}",
                        List.of("1:10 cron"),
                        "must be an array"),
                new Wrong(
                        "an entry as a string",
                        "{\"cron\": [\"@daily a\"]}",
                        List.of("1:11 cron[0]"),
                        "must be an object"),
                new Wrong(
                        "missing command",
                        """
            {"cron": [
              {"schedule": "@daily"}
            ]}""",
                        List.of("2:3 cron[0].command"),
                        "missing: every cron entry needs a command"),
                new Wrong(
                        "missing schedule, in the second entry",
                        """
            {"cron": [
              {"command": "a", "schedule": "@daily"},
              {"command": "b"}
            ]}""",
                        List.of("3:3 cron[1].schedule"),
                        "missing: every cron entry needs a schedule"),
                new Wrong(
                        "a blank command",
                        "{\"cron\": [{\"command\": \" \", \"schedule\": \"@daily\"}]}",
                        List.of("1:23 cron[0].command"),
                        "empty"),
                new Wrong(
                        "a schedule as a number",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": 5}]}",
                        List.of("1:40 cron[0].schedule"),
                        "must be a string, not a number"),
                new Wrong(
                        "six fields: seconds",
                        """
            {"cron": [
              {"command": "a",
               "schedule": "0 */5 * * * *"}
            ]}""",
                        List.of("3:16 cron[0].schedule"),
                        "six fields: seconds are not supported"),
                new Wrong(
                        "a minute out of range",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": \"61 * * * *\"}]}",
                        List.of("1:40 cron[0].schedule"),
                        "not a schedule"),
                new Wrong(
                        "@reboot is not a schedule",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": \"@reboot\"}]}",
                        List.of("1:40 cron[0].schedule"),
                        "not a schedule"),
                new Wrong(
                        "four fields",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": \"* * * *\"}]}",
                        List.of("1:40 cron[0].schedule"),
                        "five fields"),
                new Wrong(
                        "a date that never comes",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": \"0 0 31 2 *\"}]}",
                        List.of("1:40 cron[0].schedule"),
                        "names no time that ever comes"),
                new Wrong(
                        "an unknown policy",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": \"@daily\", \"concurrency_policy\": \"queue\"}]}",
                        List.of("1:72 cron[0].concurrency_policy"),
                        "must be allow, forbid or replace, not \"queue\""),
                new Wrong(
                        "maintenance as a string",
                        "{\"cron\": [{\"command\": \"a\", \"schedule\": \"@daily\", \"maintenance\": \"yes\"}]}",
                        List.of("1:65 cron[0].maintenance"),
                        "must be true or false, not a string"),
                new Wrong(
                        "the same entry twice",
                        """
            {"cron": [
              {"command": "a", "schedule": "@daily"},
              {"command": "a", "schedule": "@daily", "concurrency_policy": "forbid"}
            ]}""",
                        List.of("3:3 cron[1]"),
                        "the same command and schedule as cron[0]"),
                new Wrong(
                        "every wrong entry reported",
                        """
            {"cron": [
              {"command": "a", "schedule": "* * * * * *"},
              {"schedule": "@daily"}
            ]}""",
                        List.of("2:32 cron[0].schedule", "3:3 cron[1].command"),
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void rejectsAMistakeWithPathAndPosition(Wrong input) {
        List<ManifestProblem> errors = appJsonErrors(input.json());

        assertThat(where(errors)).containsExactlyElementsOf(input.where());
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).contains(input.message()));
    }

    @Test
    void moreThanAHundredEntriesAreAnErrorAtTheList() {
        String entries = IntStream.range(0, 101)
                .mapToObj(i -> "{\"command\": \"job " + i + "\", \"schedule\": \"@daily\"}")
                .collect(Collectors.joining(","));

        List<ManifestProblem> errors = appJsonErrors("{\"cron\": [" + entries + "]}");

        assertThat(where(errors)).containsExactly("1:10 cron");
        assertThat(errors.get(0).message()).contains("101 entries: an app has at most 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@daily", "  0 5 * * *  ", "0 0 1 * 7", "15,45 * * * *", "0 9 */30 * *"})
    void schedulesDokkuAcceptsAreAccepted(String schedule) {
        assertThat(CronSchedule.parse(schedule).text()).isEqualTo(schedule.strip());
    }
}
