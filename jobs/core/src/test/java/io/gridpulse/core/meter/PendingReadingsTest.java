package io.gridpulse.core.meter;

import static io.gridpulse.testkit.TestReadings.T0;
import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingReadingsTest {

    @Test
    void shouldKeepReadingsSortedByTimeWhateverTheirArrivalOrder() {
        PendingReadings pending = new PendingReadings();
        for (int minute : new int[] {3, 1, 2, 5, 4}) {
            pending.add(reading("m1", minutes(minute), minute * 10.0));
        }
        assertThat(timesOf(pending))
                .containsExactly(60_000L, 120_000L, 180_000L, 240_000L, 300_000L);
        assertThat(pending.registerWh(0)).isEqualTo(10.0);
        assertThat(pending.registerWh(4)).isEqualTo(50.0);
    }

    @Test
    void shouldDropTheOldestAndKeepTheRestInOrder() {
        PendingReadings pending = new PendingReadings();
        for (int minute = 1; minute <= 10; minute++) {
            pending.add(reading("m1", minutes(minute), minute));
        }
        pending.dropOldest(3);
        assertThat(pending.size).isEqualTo(7);
        assertThat(pending.countUpTo(minutesMillis(5))).isEqualTo(2);
        pending.add(reading("m1", minutes(11), 11));
        pending.add(reading("m1", minutes(0), 0)); // older than all: goes first
        assertThat(pending.registerWh(0)).isZero();
        assertThat(pending.registerWh(1)).isEqualTo(4.0);
        assertThat(pending.registerWh(pending.size - 1)).isEqualTo(11.0);
    }

    /** A BATCH run: a meter's whole history is pending, then its quarter hours close one by one. */
    @Test
    void shouldHandOutALongHistoryQuarterByQuarterInOrder() {
        PendingReadings pending = new PendingReadings();
        int readings = 200_000;
        for (int minute = 1; minute <= readings; minute++) {
            pending.add(reading("m1", minutes(minute), minute));
        }
        List<Double> seen = new ArrayList<>();
        for (long quarterEnd = minutesMillis(15);
                pending.size > 0;
                quarterEnd += minutesMillis(15)) {
            int due = pending.countUpTo(quarterEnd);
            for (int i = 0; i < due; i++) {
                seen.add(pending.registerWh(i));
            }
            pending.dropOldest(due);
        }
        assertThat(seen).hasSize(readings);
        for (int i = 0; i < readings; i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1.0);
        }
    }

    private static long minutesMillis(int minutes) {
        return minutes * 60_000L + T0.toEpochMilli();
    }

    private static List<Long> timesOf(PendingReadings pending) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < pending.size; i++) {
            times.add(pending.timestamp(i) - T0.toEpochMilli());
        }
        return times;
    }
}
