package io.gridpulse.dashboard.panels;

import java.time.Instant;
import java.util.Map;

/**
 * Reading values out of query rows (InfluxDB returns numbers as Double, times here as epoch
 * millis).
 */
final class Rows {

    private Rows() {}

    static Double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    static double number(Map<String, Object> row, String column, double otherwise) {
        Double value = number(row, column);
        return value == null ? otherwise : value;
    }

    static Long integer(Map<String, Object> row, String column) {
        Double value = number(row, column);
        return value == null ? null : Math.round(value);
    }

    static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null || "".equals(value) ? null : value.toString();
    }

    static Instant time(Map<String, Object> row) {
        Object value = row.get("time");
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
