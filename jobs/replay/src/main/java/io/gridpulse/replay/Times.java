package io.gridpulse.replay;

import io.gridpulse.core.config.PipelineOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.apache.flink.configuration.ReadableConfig;
import picocli.CommandLine;

/**
 * The --from/--to times: an instant, or a local date (its midnight) or date-time in
 * district.default-time-zone.
 */
final class Times {

    private Times() {}

    static Instant parse(String text, ReadableConfig config) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ZoneId zone = ZoneId.of(config.get(PipelineOptions.TIME_ZONE));
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new CommandLine.ParameterException(
                    new CommandLine(new ReplayJob()),
                    "'"
                            + text
                            + "' is not a time:"
                            + " give an instant (2017-01-01T00:00:00Z), a date (2017-01-01) or a local date-time (2017-01-01T06:00)");
        }
    }

    static String show(long millis) {
        if (millis == Long.MIN_VALUE || millis == Long.MAX_VALUE) {
            return millis == Long.MIN_VALUE ? "start" : "end";
        }
        return Instant.ofEpochMilli(millis).toString();
    }
}
