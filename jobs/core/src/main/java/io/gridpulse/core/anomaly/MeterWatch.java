package io.gridpulse.core.anomaly;

/**
 * Everything the anomaly detectors keep per meter: the learned profile, one run per detector, the
 * night being watched for the base load, and when the meter was last heard. A Flink POJO; no lists,
 * so its size is fixed.
 */
public class MeterWatch {

    public String feederId;
    public String districtId;
    public MeterProfile profile = new MeterProfile();

    public Run spike = new Run();
    public Run sustained = new Run();
    public Run zero = new Run();
    public Run voltage = new Run();
    public Run baseLoad = new Run();

    /** The newest measured quarter hour's use, Wh: what a spike rises from. */
    public float lastQuarterWh;

    /**
     * Taken when a spike run begins, so that the run is measured from what came before it, not from
     * its own quarter hours: the quarter hour before it and the usual peak then, Wh.
     */
    public float spikeFromWh;

    public float spikePeakWh;

    /**
     * The household's usual night minimum quarter hour as drawn, Wh, and its usual heating and
     * cooling degrees; NaN until a night was learned. Kept as drawn, with its weather, so that it
     * is moved to each night's degrees with the slopes of that night: when the weather response
     * learns or changes its slopes, the usual and the night move together.
     */
    public float usualNightMinWh = Float.NaN;

    public float usualNightHeating;
    public float usualNightCooling;

    /** How far a normal night's minimum usually strays from the usual, Wh (mean absolute). */
    public float nightSpreadWh;

    /** Nights that spread was learned from since the weather response's slopes were first used. */
    public int spreadNights;

    public int nightsLearned;

    /**
     * The night being watched: its local epoch day (-1 if none), start, quarters seen, and its
     * lowest quarter hour net of heating and cooling, kept as drawn with its degrees.
     */
    public long nightDay = -1;

    public long nightStart;
    public int nightQuarters;
    public float nightMinWh;
    public float nightMinHeating;
    public float nightMinCooling;

    /**
     * End of the newest quarter hour judged: a rewritten quarter (late reading) is not judged
     * twice.
     */
    public long lastQuarterEnd;

    /** End of the newest quarter hour with a reading. */
    public long lastHeard;

    /** The pending silence timer, or -1. */
    public long timerAt = -1;

    public boolean silent;

    /** The timer at which a silent meter is forgotten, or -1. */
    public long forgetAt = -1;

    /** Whether the meter's warm-up is over and was counted ({@code anomalies.meters.warm}). */
    public boolean warm;

    /**
     * The task run whose metrics count this meter ({@code anomalies.meters.seen}, and {@code .warm}
     * when warm); 0 for none. Flink's counters start at 0 with every run, so a restored meter is
     * counted again by the first run that hears it.
     */
    public long countedInRun;

    public MeterWatch() {}
}
