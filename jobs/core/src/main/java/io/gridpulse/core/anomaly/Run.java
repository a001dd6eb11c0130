package io.gridpulse.core.anomaly;

/**
 * A run of consecutive anomalous units (quarter hours, or nights) of one kind at one meter: it opens an anomaly
 * once it is long enough and resolves it at the first normal unit. Keeps the worst unit for the events. A Flink
 * POJO; floats keep it small (it lives in every meter's state).
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
  /** End of the last anomalous unit, and normal units since (tolerated within a run up to a limit). */
  public long lastEnd;
  public int misses;

  public Run() {}

  /** What a unit did to the run. */
  enum Step { NONE, OPENED, RESOLVED }

  /**
   * Adds the unit {@code [unitStart, unitEnd)}: a finding extends the run (opening it once it has {@code minUnits}
   * anomalous units and the expected sum), a normal unit ends it unless fewer than {@code tolerated} normal units in
   * a row interrupt it. A resolved run ends where its last anomalous unit ended ({@link #lastEnd}).
   */
  Step next(Finding finding, long unitStart, long unitEnd, int minUnits, double minExpectedSum, int tolerated) {
    if (finding == null) {
      if (start == NONE) {
        return Step.NONE;
      }
      if (++misses <= tolerated) {
        return Step.NONE;
      }
      boolean wasOpen = open;
      if (!wasOpen) {
        reset();
      }
      return wasOpen ? Step.RESOLVED : Step.NONE;
    }
    if (start == NONE) {
      start = unitStart;
      units = 0;
      score = Float.NEGATIVE_INFINITY;
      expectedSum = 0;
      actualSum = 0;
    }
    units++;
    misses = 0;
    lastEnd = unitEnd;
    expectedSum += (float) finding.expected();
    actualSum += (float) finding.actual();
    if (finding.score() > score) {
      score = (float) finding.score();
      expected = (float) finding.expected();
      actual = (float) finding.actual();
    }
    if (!open && units >= minUnits && expectedSum >= minExpectedSum) {
      open = true;
      return Step.OPENED;
    }
    return Step.NONE;
  }

  /** Forgets the run after its RESOLVED event was sent. */
  void reset() {
    start = NONE;
    units = 0;
    misses = 0;
    open = false;
  }

  boolean isActive() {
    return start != NONE;
  }
}
