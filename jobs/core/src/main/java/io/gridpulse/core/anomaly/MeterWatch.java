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

    /** The household's usual night minimum quarter hour, Wh; NaN until a night was learned. */
    public float usualNightMinWh = Float.NaN;

    public int nightsLearned;

    /**
     * The night being watched: its local epoch day (-1 if none), start, lowest quarter hour and
     * quarters seen.
     */
    public long nightDay = -1;

    public long nightStart;
    public float nightMinWh;
    public int nightQuarters;

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
