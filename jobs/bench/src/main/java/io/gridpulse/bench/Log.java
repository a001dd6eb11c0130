package io.gridpulse.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on stderr, so stdout stays the report. */
final class Log {

    private Log() {}

    static void info(String format, Object... args) {
        System.err.printf(
                "[bench %s] %s%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    }
}
