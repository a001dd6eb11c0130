package io.gridpulse.simulator.anomaly;

/**
 * The anomalies the simulator can inject, named like the stream job's {@code
 * io.gridpulse.schema.AnomalyType} (same constants, so {@code AnomalyType.valueOf(kind.name())}
 * maps them).
 *
 * <p><b>start and end</b> in the ledger (all kinds): the anomaly affects exactly the readings with
 * a timestamp {@code t} where {@code start < t <= end}. Since the reading at {@code t} covers the
 * interval {@code (t - interval, t]}, start is the start of the first affected interval (the time
 * of the meter's last unaffected reading) and end is the end of the last affected interval (the
 * time of the last affected reading); the affected intervals make up {@code (start, end]} exactly.
 * Both lie after the warm-up ({@code start >= simulation start + warm-up}) and at least an hour
 * before the last reading of the run, except where a kind says it may last to the end. For the
 * energy kinds (SPIKE, SUSTAINED_HIGH, HIGH_BASE_LOAD, ZERO_CONSUMPTION) start and end are
 * quarter-hour boundaries (epoch-aligned, as the job's quarter hours) whenever the reading interval
 * divides 15 minutes and the run starts on a quarter hour; otherwise they are the reading times
 * enclosing the drawn quarter hours.
 *
 * <p><b>extra_w</b>: the power added to (positive) or removed from (negative, an average) the
 * household's own load in every affected interval; 0 where the kind does not change the energy.
 */
public enum AnomalyKind {

    /**
     * 1 or 2 whole quarter hours in which the household uses extra_w more: 1.5 x its natural peak
     * quarter-hour average power (the highest of the warm-up), at least 4000 W, and at most what
     * keeps peak plus spike under 26 kW (above the job's 30 kW plausibility limit the readings
     * would be rejected). At a random time of day.
     */
    SPIKE,
    /**
     * 4 to 8 hours in which the household uses extra_w more: 0.35 x its natural peak, at least 1500
     * W.
     */
    SUSTAINED_HIGH,
    /**
     * An always-on extra load of extra_w from start for 2 to 4 days, or to the end of the run (then
     * end = the time of the run's last reading): 0.8 x the household's lowest quarter-hour average
     * power in local nights (00:00-06:00) of the warm-up, at least 500 W. Starts at a random local
     * time, at least a day before the end.
     */
    HIGH_BASE_LOAD,
    /**
     * 6 to 24 hours in which the household uses nothing: readings keep coming, with power 0 and the
     * register of the reading at start. extra_w = minus the average power the household would have
     * used.
     */
    ZERO_CONSUMPTION,
    /**
     * A communication failure for 4 to 12 hours: no readings at times in (start, end] (start = the
     * last reading sent before, end = the last reading not sent); the household uses energy as ever
     * and the register counts it, so the next reading, at end + interval, carries all of it. In 1
     * of every 3 cases (the 3rd, 6th, ... METER_SILENT) the meter never sends again: end = the time
     * of the run's last reading, and the energy used after start never shows in any reading (the
     * ground truth has it; the ledger's detail says how much). extra_w = 0.
     */
    METER_SILENT,
    /**
     * A power cut of a whole feeder for 1 to 4 hours: none of its meters sends readings at times in
     * (start, end] and none of its households uses energy then; the next readings, at end +
     * interval, carry only that interval's energy (their register moved from the reading at start
     * by that much). meter_id is empty. extra_w = minus the feeder's average power lost (sum over
     * its meters).
     */
    FEEDER_OUTAGE,
    /**
     * 30 to 120 minutes in which the meter reports a voltage out of band: constant at a level drawn
     * from 255.5-261.5 V (high, half the cases) or 190.5-202.5 V (low) plus at most 0.3 V jitter,
     * so always within 255-262 V resp. 190-203 V. The energy is unchanged; extra_w = 0.
     */
    VOLTAGE;

    /** Whether the anomaly concerns a whole feeder (no meter id) rather than one meter. */
    public boolean feederLevel() {
        return this == FEEDER_OUTAGE;
    }

    /** Whether the meter sends no readings during the anomaly. */
    public boolean silences() {
        return this == METER_SILENT || this == FEEDER_OUTAGE;
    }
}
