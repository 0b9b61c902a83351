package io.slipway.manifest;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cron entry's {@code schedule} as Dokku takes it: five fields (minute, hour, day of month, month, day of week, with
 * names such as {@code MON} and {@code JAN}) or one of {@code @hourly}, {@code @daily}, {@code @midnight},
 * {@code @weekly}, {@code @monthly}, {@code @yearly}, {@code @annually}, always in UTC. Six fields (seconds) are
 * refused, as Dokku refuses them. Parsed and evaluated by cron-utils; equal when written alike.
 */
public final class CronSchedule {

    /**
     * Unix crontab's fields and ranges, plus the {@code @} macros. A restricted day of month and day of week match
     * either, as in Unix cron.
     */
    private static final CronDefinition UNIX_WITH_MACROS = CronDefinitionBuilder.defineCron()
            .withMinutes()
            .withValidRange(0, 59)
            .withStrictRange()
            .and()
            .withHours()
            .withValidRange(0, 23)
            .withStrictRange()
            .and()
            .withDayOfMonth()
            .withValidRange(1, 31)
            .withStrictRange()
            .and()
            .withMonth()
            .withValidRange(1, 12)
            .withStrictRange()
            .and()
            .withDayOfWeek()
            .withValidRange(0, 7)
            .withMondayDoWValue(1)
            .withIntMapping(7, 0)
            .withStrictRange()
            .and()
            .withSupportedNicknameHourly()
            .withSupportedNicknameDaily()
            .withSupportedNicknameMidnight()
            .withSupportedNicknameWeekly()
            .withSupportedNicknameMonthly()
            .withSupportedNicknameYearly()
            .withSupportedNicknameAnnually()
            .instance();

    private static final CronParser PARSER = new CronParser(UNIX_WITH_MACROS);
    private static final Pattern FIELDS = Pattern.compile("\\s+");
    /** Far more than any schedule needs; bounds what the parser is given. */
    static final int MAX_LENGTH = 256;

    private final String text;
    private final ExecutionTime times;

    private CronSchedule(String text, ExecutionTime times) {
        this.text = text;
        this.times = times;
    }

    /**
     * @throws IllegalArgumentException with a message for the author when {@code text} is not a schedule, or names
     *     no time that ever comes (such as the 31st of February)
     */
    public static CronSchedule parse(String text) {
        String schedule = text.strip();
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("empty: a schedule is five fields or a macro such as @daily");
        }
        if (schedule.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        if (FIELDS.split(schedule).length == 6) {
            throw new IllegalArgumentException(
                    "six fields: seconds are not supported; write five fields (minute hour day month weekday)");
        }
        Cron cron;
        try {
            cron = PARSER.parse(schedule).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a schedule (" + e.getMessage() + "); write five fields (minute"
                    + " hour day month weekday) or one of @hourly, @daily, @midnight, @weekly, @monthly, @yearly,"
                    + " @annually");
        }
        CronSchedule parsed = new CronSchedule(schedule, ExecutionTime.forCron(cron));
        if (parsed.nextRunAfter(Instant.EPOCH).isEmpty()) {
            throw new IllegalArgumentException("names no time that ever comes");
        }
        return parsed;
    }

    /** The schedule as written, without surrounding white space. */
    public String text() {
        return text;
    }

    /** The first time the schedule names after {@code after}, in UTC; empty when there is none. */
    public Optional<Instant> nextRunAfter(Instant after) {
        return times.nextExecution(after.atZone(ZoneOffset.UTC)).map(time -> time.toInstant());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule schedule && schedule.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
