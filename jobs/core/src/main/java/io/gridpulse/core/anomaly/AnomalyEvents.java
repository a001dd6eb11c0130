package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.time.Instant;

/**
 * Builds anomaly events; the id is the same for an anomaly's OPEN and RESOLVED events and across
 * replays.
 */
final class AnomalyEvents {

    private AnomalyEvents() {}

    /** {@code type:subject:start}, e.g. {@code SPIKE:M000123:2026-01-27T17:45:00Z}. */
    static String idOf(AnomalyType type, String subject, long start) {
        return type + ":" + subject + ":" + Instant.ofEpochMilli(start);
    }

    static Anomaly.Builder open(
            AnomalyType type,
            Severity severity,
            String meterId,
            String feederId,
            String districtId,
            long start,
            long detectedAt) {
        return Anomaly.newBuilder()
                .setAnomalyId(idOf(type, meterId != null ? meterId : feederId, start))
                .setType(type)
                .setState(AnomalyState.OPEN)
                .setSeverity(severity)
                .setMeterId(meterId)
                .setFeederId(feederId)
                .setDistrictId(districtId)
                .setStart(Instant.ofEpochMilli(start))
                .setEnd(null)
                .setDetectedAt(Instant.ofEpochMilli(detectedAt));
    }

    static Anomaly.Builder resolved(
            AnomalyType type,
            Severity severity,
            String meterId,
            String feederId,
            String districtId,
            long start,
            long end,
            long detectedAt) {
        return open(type, severity, meterId, feederId, districtId, start, detectedAt)
                .setState(AnomalyState.RESOLVED)
                .setEnd(Instant.ofEpochMilli(end));
    }
}
