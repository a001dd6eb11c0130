package io.gridpulse.replay.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key=value pairs of a mapping, as they come from a properties file and/or the command line.
 *
 * <p>Every key is checked against the valid ones before any value is read, so that a typo is
 * reported as an unknown key and not as a missing one. Keys may carry the prefix {@value #PREFIX},
 * for properties files shared with other settings. Values are trimmed, and a blank value counts as
 * not given (a command line's {@code missing=} clears it).
 */
final class MappingKeys {

    static final String PREFIX = "csv.";

    private final Map<String, String> values = new HashMap<>();

    MappingKeys(Map<String, String> pairs, Collection<String> validKeys) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String key = withoutPrefix(pair.getKey().trim());
            if (!validKeys.contains(key)) {
                unknown.add(pair.getKey());
            } else if (pair.getValue() != null) {
                String earlier = values.put(key, pair.getValue());
                if (earlier != null && !earlier.equals(pair.getValue())) {
                    throw new CsvMappingException(
                            "key '"
                                    + key
                                    + "' is given twice, as '"
                                    + earlier
                                    + "' and as '"
                                    + pair.getValue()
                                    + "' (with and without the prefix "
                                    + PREFIX
                                    + ")");
                }
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new CsvMappingException(
                    (unknown.size() == 1 ? "unknown key " : "unknown keys ")
                            + quoted(unknown)
                            + "; the valid keys are "
                            + String.join(", ", validKeys));
        }
    }

    boolean has(String key) {
        return text(key) != null;
    }

    /** The trimmed value, or null when the key is not given or blank. */
    String text(String key) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * The value as given, for the one key where white space is meaningful (a delimiter can be a
     * tab).
     */
    String raw(String key) {
        return values.get(key);
    }

    String text(String key, String fallback) {
        String value = text(key);
        return value == null ? fallback : value;
    }

    /**
     * @param hint what the key is for, to tell the user what to give
     */
    String required(String key, String hint) {
        String value = text(key);
        if (value == null) {
            throw new CsvMappingException("missing key '" + key + "': " + hint);
        }
        return value;
    }

    boolean flag(String key, boolean fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(key, value, "is neither true nor false");
        }
    }

    int count(String key, int fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative count
        }
        throw invalid(key, value, "is not a whole number of 0 or more");
    }

    double number(String key, double fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an infinite number
        }
        throw invalid(key, value, "is not a number");
    }

    /**
     * Two keys of which at most one may be given, e.g. a column and a fixed value for the same
     * thing.
     */
    void requireNotBoth(String key, String otherKey, String why) {
        if (has(key) && has(otherKey)) {
            throw new CsvMappingException(
                    "keys '" + key + "' and '" + otherKey + "' are both given: " + why);
        }
    }

    /**
     * The error for a value that is given but wrong: {@code key 'unit': 'kwhh' is not a unit ...}.
     */
    static CsvMappingException invalid(String key, String value, String why) {
        return new CsvMappingException("key '" + key + "': '" + value + "' " + why);
    }

    private static String withoutPrefix(String key) {
        return key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
    }

    private static String quoted(List<String> keys) {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            text.append(text.length() == 0 ? "" : ", ").append('\'').append(key).append('\'');
        }
        return text.toString();
    }
}
