package io.gridpulse.replay.csv;

import java.util.Locale;

/** Whether a row's time is the start or the end of the interval its value describes. */
enum TimestampMarks {
    START,
    END;

    static TimestampMarks parse(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "start":
                return START;
            case "end":
                return END;
            default:
                throw MappingKeys.invalid(
                        "timestamp-marks",
                        text,
                        "is neither start nor end (of the row's interval)");
        }
    }
}
