package io.gridpulse.replay.csv;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * ISO-8601 times as exports write them: {@code 2016-01-01T00:00:00-06:00}, {@code 2016-01-01
 * 00:00:00+01:00}, {@code 2016-01-01T00:00:00.000Z}, {@code 2016-01-01T00:00} or a bare date. The
 * date and time may be separated by {@code T} or a space; seconds and a fraction of up to 9 digits
 * are optional; the offset may be {@code Z}, {@code +01:00}, {@code +0100} or {@code +01}, or
 * absent, in which case the mapping's zone applies.
 *
 * <p>Parsed by hand, by position: a DateTimeFormatter with optional sections does the same several
 * times slower, and this is the format of most files.
 */
final class IsoTimestamp implements TimestampFormat {

    static final String NAME = "iso";
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;

    IsoTimestamp(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public long toEpochMillis(String text) {
        int length = text.length();
        if (length < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw notIso();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int position = 10;
        if (position < length && (text.charAt(position) == 'T' || text.charAt(position) == ' ')) {
            if (length < 16 || text.charAt(13) != ':') {
                throw notIso();
            }
            hour = digits(text, 11, 2);
            minute = digits(text, 14, 2);
            position = 16;
            if (position < length && text.charAt(position) == ':') {
                second = digits(text, 17, 2);
                position = 19;
                if (position < length && text.charAt(position) == '.') {
                    int start = ++position;
                    while (position < length
                            && position - start < 9
                            && isDigit(text.charAt(position))) {
                        nanos = nanos * 10 + text.charAt(position++) - '0';
                    }
                    if (position == start) {
                        throw notIso();
                    }
                    for (int scale = position - start; scale < 9; scale++) {
                        nanos *= 10;
                    }
                }
            }
        }
        LocalDateTime local =
                LocalDateTime.of(
                        year, month, day, hour, minute, second, nanos); // checks the ranges
        return position == length
                ? LocalTimes.toEpochMillis(local, zone)
                : LocalTimes.toEpochMillis(local, offset(text, position));
    }

    @Override
    public String describe() {
        return NAME;
    }

    @Override
    public boolean usesZone() {
        return true;
    }

    private static ZoneOffset offset(String text, int position) {
        int length = text.length();
        char sign = text.charAt(position);
        if ((sign == 'Z' || sign == 'z') && position + 1 == length) {
            return ZoneOffset.UTC;
        }
        if (sign != '+' && sign != '-') {
            throw notIso();
        }
        int hours = digits(text, position + 1, 2);
        int minutes;
        if (length == position + 3) {
            minutes = 0;
        } else if (length == position + 6 && text.charAt(position + 3) == ':') {
            minutes = digits(text, position + 4, 2);
        } else if (length == position + 5) {
            minutes = digits(text, position + 3, 2);
        } else {
            throw notIso();
        }
        return sign == '+'
                ? ZoneOffset.ofHoursMinutes(hours, minutes)
                : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            throw notIso();
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw notIso();
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static DateTimeException notIso() {
        return new DateTimeException("not an ISO-8601 time");
    }
}
