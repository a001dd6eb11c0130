package io.gridpulse.core.quality;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import java.time.Instant;

/**
 * A number of one meter's readings with one data-quality outcome: a dead-letter reason ({@link
 * DeadLetterReason} name) or something the meter stage repaired, estimated or noted ({@link
 * #ROLLOVER}, {@link #NEW_EPOCH}, {@link #FROZEN_REGISTER}, {@link #ESTIMATED}, {@link #MISSING},
 * {@link #LATE_ACCEPTED}). Dead letters and repairs become these events so one counting step can
 * write them all to InfluxDB. A Flink POJO.
 */
public class QualityEvent {

    /** A register wrapped around at its width; the interval was repaired exactly. */
    public static final String ROLLOVER = "ROLLOVER";

    /**
     * A register went back or jumped (reset, replaced meter); the interval was estimated from
     * power.
     */
    public static final String NEW_EPOCH = "NEW_EPOCH";

    /**
     * The register stood still for the configured number of intervals while power said energy
     * flowed.
     */
    public static final String FROZEN_REGISTER = "FROZEN_REGISTER";

    /**
     * Missing readings filled by linear interpolation of the register (their energy is flagged as
     * estimated).
     */
    public static final String ESTIMATED = "ESTIMATED";

    /** Missing readings of a gap too long to fill; the gap is reported with its start and end. */
    public static final String MISSING = "MISSING";

    /**
     * Readings that arrived after their quarter hour closed but within the allowed lateness, and
     * updated it.
     */
    public static final String LATE_ACCEPTED = "LATE_ACCEPTED";

    /** Stands in for ids a dead letter does not have (its payload could not be decoded). */
    public static final String UNKNOWN = "unknown";

    public String meterId;
    public String feederId;
    public String districtId;
    public String outcome;

    /**
     * Event time the count belongs to, epoch milliseconds (its quarter hour is (t - 15 min, t] as
     * everywhere).
     */
    public long timestamp;

    public long count;

    /**
     * True when {@link #timestamp} is not the reading's own time but the Kafka record's (the record
     * could not be decoded, or its time was the problem): such a count belongs to the quarter hour
     * the job is in, since a Kafka timestamp (the wall clock at sending) may lie far ahead of the
     * event time of a replayed or simulated feed.
     */
    public boolean atJobTime;

    public QualityEvent() {}

    public QualityEvent(
            String meterId,
            String feederId,
            String districtId,
            String outcome,
            long timestamp,
            long count) {
        this.meterId = orUnknown(meterId);
        this.feederId = orUnknown(feederId);
        this.districtId = orUnknown(districtId);
        this.outcome = outcome;
        this.timestamp = timestamp;
        this.count = count;
    }

    /**
     * One rejected reading. Its time is the reading's own, unless there is none or that time was
     * the reason for the rejection: then it is counted at the job's time ({@link #atJobTime}). The
     * counter moves times that are already closed into the current quarter hour.
     */
    public static QualityEvent of(DeadLetter deadLetter) {
        DeadLetterReason reason = deadLetter.getReason();
        boolean timeWasTheProblem =
                reason == DeadLetterReason.FUTURE_TIMESTAMP
                        || reason == DeadLetterReason.ANCIENT_TIMESTAMP;
        Instant time =
                deadLetter.getReadingTime() != null && !timeWasTheProblem
                        ? deadLetter.getReadingTime()
                        : deadLetter.getSourceTimestamp();
        QualityEvent event =
                new QualityEvent(
                        deadLetter.getMeterId(),
                        deadLetter.getFeederId(),
                        deadLetter.getDistrictId(),
                        reason.name(),
                        time.toEpochMilli(),
                        1);
        event.atJobTime = deadLetter.getReadingTime() == null || timeWasTheProblem;
        return event;
    }

    /** Counting key: one count per meter and outcome. */
    public String key() {
        return meterId + '|' + outcome;
    }

    private static String orUnknown(String id) {
        return id == null || id.isEmpty() ? UNKNOWN : id;
    }

    @Override
    public String toString() {
        return outcome
                + " x"
                + count
                + " meter "
                + meterId
                + " at "
                + Instant.ofEpochMilli(timestamp);
    }
}
