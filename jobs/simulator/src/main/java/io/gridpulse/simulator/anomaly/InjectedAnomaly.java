package io.gridpulse.simulator.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One anomaly the injector put into a run: a row of {@value AnomalyLedger#CSV_FILE}.
 *
 * @param type what was done (see {@link AnomalyKind} for each kind's exact meaning)
 * @param meterId the meter; null for FEEDER_OUTAGE (empty in the CSV)
 * @param feederId the meter's feeder, or the feeder cut
 * @param districtId the feeder's district
 * @param start start of the first affected interval: readings at {@code start < t <= end} are
 *     affected
 * @param end end of the last affected interval (the time of the last affected reading)
 * @param extraW power added (positive) or removed (negative, average) per affected interval; 0
 *     where n/a
 * @param detail what exactly was done, for people reading the ledger
 */
public record InjectedAnomaly(
        AnomalyKind type,
        String meterId,
        String feederId,
        String districtId,
        Instant start,
        Instant end,
        double extraW,
        String detail) {

    public InjectedAnomaly {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(feederId, "feederId");
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(detail, "detail");
        if (type.feederLevel() != (meterId == null)) {
            throw new IllegalArgumentException(
                    type
                            + (type.feederLevel()
                                    ? " concerns a feeder, not meter " + meterId
                                    : " needs a meter id"));
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "an anomaly ends after it starts: " + start + " to " + end);
        }
    }

    /** The meter id, or the feeder id for FEEDER_OUTAGE. */
    public String subject() {
        return meterId != null ? meterId : feederId;
    }

    /** Whether the reading at this time is affected: {@code start < readingTime <= end}. */
    public boolean affects(Instant readingTime) {
        return readingTime.isAfter(start) && !readingTime.isAfter(end);
    }

    /** Whether the anomaly is on this meter (its own, or an outage of its feeder). */
    public boolean concerns(String meterId, String feederId) {
        return this.meterId != null ? this.meterId.equals(meterId) : this.feederId.equals(feederId);
    }

    /** {@code end - start}: the affected intervals' total length. */
    public Duration duration() {
        return Duration.between(start, end);
    }
}
