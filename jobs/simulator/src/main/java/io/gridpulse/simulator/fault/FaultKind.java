package io.gridpulse.simulator.fault;

/**
 * The defects the fault injector can put into the readings. Each injected fault affects one meter;
 * the ledger's {@code from}/{@code to} mean what the constant's comment says.
 */
public enum FaultKind {

    /**
     * An extra raw record of random bytes (not Avro) keyed by the meter id, after its reading; from
     * = to = then.
     */
    GARBAGE,
    /** An extra copy of a reading with an empty meter id; from = to = the reading's time. */
    MISSING_ID,
    /**
     * An extra copy of a reading whose meter id holds a space and a '!'; from = to = the reading's
     * time.
     */
    MALFORMED_ID,
    /** An extra copy of a reading whose register is NaN; from = to = the reading's time. */
    MALFORMED_VALUE,
    /**
     * An extra copy stamped a year after the injector's clock; from = to = the original reading's
     * time.
     */
    FUTURE_TIMESTAMP,
    /** An extra copy stamped 1990-01-01T00:00Z; from = to = the original reading's time. */
    ANCIENT_TIMESTAMP,
    /** An extra copy with an average power of -100 W; from = to = the reading's time. */
    NEGATIVE_POWER,
    /** An extra copy with an average power of 50 kW; from = to = the reading's time. */
    POWER_TOO_HIGH,
    /** The same reading sent twice in a row; from = to = the reading's time. */
    DUPLICATE,
    /** A reading, then a copy whose register is 1 Wh higher; from = to = the reading's time. */
    CONFLICTING_DUPLICATE,
    /**
     * An identical copy of a reading from an hour (stream time) earlier, sent again; from = the
     * copied reading's time, to = the time it was sent again.
     */
    LATE,
    /**
     * A reading held back and sent right after the meter's next one; from = the held reading's
     * time, to = the next reading's time.
     */
    OUT_OF_ORDER,
    /**
     * The register offset so that it wraps at the register width soon after the start; from = the
     * first reading, to = the first reading after the wrap.
     */
    ROLLOVER,
    /**
     * A new meter from some time on: the register restarts near zero; from = to = the first reading
     * of the new meter.
     */
    METER_SWAP,
    /**
     * The register stuck at its last value for 20 readings (power still true), then the true
     * register again; from = the first stuck reading, to = the last.
     */
    FROZEN,
    /**
     * The meter's readings dropped for 10 to 60 minutes; from = the first missing reading, to = the
     * last.
     */
    GAP_SHORT,
    /**
     * The meter's readings dropped for 90 to 180 minutes; from = the first missing reading, to =
     * the last.
     */
    GAP_LONG
}
