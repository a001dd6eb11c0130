package io.gridpulse.core.meter;

/**
 * Everything GridPulse remembers about one meter between readings: its latest accepted reading (the
 * start of the next interval's register delta), a count of intervals its register has been frozen,
 * and the readings waiting for their quarter hour to close. A Flink POJO: a few dozen bytes plus
 * the pending readings.
 */
public class MeterState {

    public String feederId;
    public String districtId;

    /** Long.MIN_VALUE until the meter's first reading has been accepted. */
    public long lastTimestamp = Long.MIN_VALUE;

    public double lastRegisterWh;

    /**
     * When the register last changed: bounds how much a register that was stuck may catch up in one
     * step.
     */
    public long registerMovedAt = Long.MIN_VALUE;

    public double lastPowerW;
    public double lastVoltageV = Double.NaN;
    public int frozenIntervals;

    /**
     * Bit i: a reading was accepted at {@code lastTimestamp - i * interval}. Recognises a late
     * reading that repeats an accepted one (a late duplicate) without keeping the readings
     * themselves: one long covers 64 intervals.
     */
    public long acceptedSlots;

    /** Bit i: the reading at {@code lastTimestamp - i * interval} was missing and interpolated. */
    public long estimatedSlots;

    public PendingReadings pending = new PendingReadings();

    /** Totals of the latest quarter hours, to rewrite one when a late addition arrives. */
    public RecentQuarters recent = new RecentQuarters();

    /** The pending timer at which the meter may be forgotten, or Long.MIN_VALUE. */
    public long forgetAt = Long.MIN_VALUE;

    public MeterState() {}

    boolean hasAcceptedReading() {
        return lastTimestamp != Long.MIN_VALUE;
    }
}
