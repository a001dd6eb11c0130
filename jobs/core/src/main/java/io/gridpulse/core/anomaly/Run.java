package io.gridpulse.core.anomaly;

/**
 * A run of consecutive anomalous units (quarter hours, or nights) of one kind at one meter: it
 * opens an anomaly once it is long enough and resolves it at the first normal unit; or, for a short
 * burst (SPIKE), is reported when it ends, if it was short enough. Keeps the worst unit for the
 * events. A Flink POJO; floats keep it small (it lives in every meter's state).
 */
public class Run {

    static final long NONE = Long.MIN_VALUE;

    /** Start of the first anomalous unit, or {@link #NONE}. */
    public long start = NONE;

    public int units;
    public boolean open;
    public float score;
    public float expected;
    public float actual;
    public float expectedSum;
    public float actualSum;

    /** The profile's level when the run began (runs of extra load are measured against it). */
    public float level;

    /** What the detector counts as the run's evidence, summed over its units (SUSTAINED_HIGH). */
    public float evidence;

    /** Units in a row, up to the last, that held the run without lengthening it ({@link #hold}). */
    public int lulls;

    public Run() {}

    /** What a unit did to the run. */
    enum Step {
        NONE,
        OPENED,
        RESOLVED,
        /** A burst ended: its anomaly opens and resolves at once. */
        BURST
    }

    /**
     * Adds the unit {@code [unitStart, ...)}: a finding extends the run (opening it once it has
     * {@code minUnits} anomalous units and the expected sum), a normal unit ends it.
     */
    Step next(Finding finding, long unitStart, int minUnits, double minExpectedSum) {
        if (finding == null) {
            boolean wasOpen = open;
            if (!wasOpen) {
                reset();
            }
            return wasOpen ? Step.RESOLVED : Step.NONE;
        }
        extend(finding, unitStart);
        if (!open && units >= minUnits && expectedSum >= minExpectedSum) {
            open = true;
            return Step.OPENED;
        }
        return Step.NONE;
    }

    /**
     * Adds the unit to a run that is judged when it ends: a finding extends it, a normal unit ends
     * it. It was a {@link Step#BURST} if it had at most {@code maxUnits} units.
     */
    Step nextBurst(Finding finding, long unitStart, int maxUnits) {
        if (finding == null) {
            boolean burst = isBurst(maxUnits);
            if (!burst) {
                reset();
            }
            return burst ? Step.BURST : Step.NONE;
        }
        extend(finding, unitStart);
        return Step.NONE;
    }

    /** Whether the run, were it to end now, is a burst ({@link #nextBurst}). */
    boolean isBurst(int maxUnits) {
        return isActive() && units <= maxUnits;
    }

    private void extend(Finding finding, long unitStart) {
        if (start == NONE) {
            start = unitStart;
            units = 0;
            score = Float.NEGATIVE_INFINITY;
            expectedSum = 0;
            actualSum = 0;
            evidence = 0;
        }
        lulls = 0;
        units++;
        expectedSum += (float) finding.expected();
        actualSum += (float) finding.actual();
        if (finding.score() > score) {
            score = (float) finding.score();
            expected = (float) finding.expected();
            actual = (float) finding.actual();
        }
    }

    /** How far the run's units were above what was expected, summed. */
    double excessSum() {
        return actualSum - expectedSum;
    }

    /** A unit that neither lengthens the run nor ends it (a lull). */
    void hold() {
        lulls++;
    }

    /**
     * Where the run's last anomalous unit ended, given the start of the unit that ended the run:
     * the lulls before it were not part of the run.
     */
    long endBefore(long unitStart, long unitMillis) {
        return unitStart - lulls * unitMillis;
    }

    /** Forgets the run after its RESOLVED event was sent. */
    void reset() {
        start = NONE;
        units = 0;
        open = false;
        evidence = 0;
        lulls = 0;
    }

    boolean isActive() {
        return start != NONE;
    }
}
