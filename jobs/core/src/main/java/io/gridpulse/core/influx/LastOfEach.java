package io.gridpulse.core.influx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of one write: the batch's lines with one line per point identity (measurement, tags,
 * time), the last one written. A point rewritten within one batch (an anomaly opened and resolved,
 * a quarter hour updated by a gap filled just after it) must end as its latest version, and
 * InfluxDB does not promise which of two equal points in one request wins.
 */
final class LastOfEach {

    private LastOfEach() {}

    static String body(List<String> lines) {
        Map<String, String> last = new LinkedHashMap<>(lines.size() * 2);
        for (String line : lines) {
            last.put(identity(line), line);
        }
        return String.join("\n", last.values());
    }

    /**
     * Series (up to the first unescaped space) and timestamp (after the last space) of a
     * line-protocol line.
     */
    static String identity(String line) {
        int seriesEnd = 0;
        while (seriesEnd < line.length() && line.charAt(seriesEnd) != ' ') {
            seriesEnd += line.charAt(seriesEnd) == '\\' ? 2 : 1;
        }
        return line.substring(0, Math.min(seriesEnd, line.length()))
                + line.substring(line.lastIndexOf(' '));
    }
}
