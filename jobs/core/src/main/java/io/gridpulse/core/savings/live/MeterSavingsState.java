package io.gridpulse.core.savings.live;

import java.util.Arrays;

/**
 * What a meter's live savings remember: its totals since the programme's start, and its latest
 * settled days with what each contributed, so that a revised day (a late reading re-fires the day's
 * window) replaces its contribution instead of adding to it. A Flink POJO of a few hundred bytes.
 */
public class MeterSavingsState {

    static final int RECENT = 4;

    public String feederId;
    public String districtId;
    public long countedDays;
    public double predictedKwh;
    public double actualKwh;

    /** The square of the absolute uncertainty last reported, for the roll-ups' changes. */
    public double uncertaintySquared;

    /**
     * Latest settled days (epoch days; Long.MIN_VALUE where empty), their status and contribution.
     */
    public long[] recentDays = filled();

    public String[] recentStatus = new String[RECENT];
    public double[] recentPredictedKwh = new double[RECENT];
    public double[] recentActualKwh = new double[RECENT];

    public MeterSavingsState() {}

    /** The slot of {@code day} among the recent days, or -1. */
    int slotOf(long day) {
        for (int i = 0; i < RECENT; i++) {
            if (recentDays[i] == day) {
                return i;
            }
        }
        return -1;
    }

    /** Keeps {@code day}'s outcome in its slot, or in the oldest one. */
    void remember(long day, String status, double predicted, double actual) {
        int slot = slotOf(day);
        if (slot < 0) {
            slot = 0;
            for (int i = 1; i < RECENT; i++) {
                if (recentDays[i] < recentDays[slot]) {
                    slot = i;
                }
            }
        }
        recentDays[slot] = day;
        recentStatus[slot] = status;
        recentPredictedKwh[slot] = predicted;
        recentActualKwh[slot] = actual;
    }

    private static long[] filled() {
        long[] days = new long[RECENT];
        Arrays.fill(days, Long.MIN_VALUE);
        return days;
    }
}
