package io.gridpulse.core.anomaly;

/** What a feeder knows about one of its meters' silence. A Flink POJO. */
public class MeterVoice {

    /** Reporting normally. */
    static final byte REPORTING = 0;

    /** Silent, not decided yet (the feeder waits a grace period for its other meters). */
    static final byte PENDING = 1;

    /**
     * Silent and already back before the decision (a fast replay, or a silence just over the
     * threshold).
     */
    static final byte PENDING_ENDED = 2;

    /** Silent, with its own METER_SILENT anomaly open. */
    static final byte REPORTED = 3;

    /** Silent as part of an open feeder outage: no METER_SILENT of its own. */
    static final byte EXPLAINED = 4;

    /**
     * Still silent when its feeder's outage ended: given a grace period to come back before it
     * counts alone.
     */
    static final byte AFTER_OUTAGE = 5;

    public byte status = REPORTING;

    /** End of the last quarter hour heard before the silence. */
    public long since = -1;

    /** When the meter was heard again, or -1. */
    public long back = -1;

    /** When the feeder decides about this silence. */
    public long decideAt = -1;

    public MeterVoice() {}

    /**
     * Whether the meter was silent at {@code instant}, its return included: a meter silent for just
     * {@code anomaly.silent-after} is found silent at the very instant its first quarter hour back
     * starts, and it was silent with the rest of its feeder until then (an outage of about the
     * threshold is one outage, not each meter's own silence).
     */
    boolean isSilentAt(long instant) {
        return status != REPORTING && since <= instant && (back < 0 || back >= instant);
    }
}
