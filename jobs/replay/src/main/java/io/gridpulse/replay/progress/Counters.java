package io.gridpulse.replay.progress;

/**
 * Names of the replay's Flink accumulators: what was read, and what became of every record. The job
 * adds to them in its tasks; the client reads them while it runs (progress) and at the end (the
 * outcome summary).
 */
public final class Counters {

    /**
     * Data records read from every input: file lines (header and blank lines excluded), Avro
     * records, Kafka records.
     */
    public static final String RECORDS = "input.records";

    /** Bytes read from input files, as stored (compressed files count compressed bytes). */
    public static final String BYTES = "input.bytes";

    /** File rows whose value was missing (the mapping's marker, or empty). */
    public static final String MISSING_VALUE = "outcome.missing-value";

    /** Records outside the replay's --from/--to range. */
    public static final String OUTSIDE_RANGE = "outcome.outside-range";

    /** Data rows read from weather files. */
    public static final String WEATHER_RECORDS = "weather.records";

    /** Weather observations written. */
    public static final String WEATHER = "weather.observations";

    /** Weather rows with a missing temperature. */
    public static final String WEATHER_MISSING = "weather.missing-value";

    /** Weather rows outside the replay's time range. */
    public static final String WEATHER_OUTSIDE_RANGE = "weather.outside-range";

    /** Weather rows that did not parse (kept as dead letters). */
    public static final String WEATHER_DEAD_LETTERS = "weather.dead-letters";

    /**
     * Readings added at the start of each meter's interval data (the register before its first
     * interval).
     */
    public static final String BOUNDARY_READINGS = "pipeline.boundary-readings";

    /**
     * Readings added at the end of a gap in a meter's interval data, with the gap's energy
     * estimated from the power on either side.
     */
    public static final String GAP_ESTIMATES = "pipeline.gap-estimates";

    /**
     * With --estimate-long-gaps: gaps too long to fill, each given an estimate row (with or without
     * a value).
     */
    public static final String LONG_GAPS = "gap-estimate.long-gaps";

    /** Those of {@link #LONG_GAPS} whose meter's profile gave an estimate. */
    public static final String LONG_GAPS_ESTIMATED = "gap-estimate.estimated";

    /** The estimated energy of {@link #LONG_GAPS_ESTIMATED}, kWh (a double counter). */
    public static final String LONG_GAP_ESTIMATED_KWH = "gap-estimate.kwh";

    /**
     * Readings in the meters' quarter-hour aggregates: how far the second (aggregating) stage has
     * come.
     */
    public static final String AGGREGATED = "pipeline.aggregated";

    /** Prefix of dead letters per reason. */
    public static final String DEAD_LETTER = "dead-letter.";

    /**
     * Prefix of the meter stage's repairs and estimates per outcome (ESTIMATED, MISSING, ROLLOVER,
     * ...).
     */
    public static final String QUALITY = "quality.";

    private Counters() {}
}
