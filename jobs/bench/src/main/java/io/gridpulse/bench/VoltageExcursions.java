package io.gridpulse.bench;

import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.HouseholdEffects;
import io.gridpulse.simulator.SimulationConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The latency run's known anomalies: chosen meters report a voltage above the band for every
 * reading of chosen quarter hours, so that each opens exactly one VOLTAGE anomaly when its last
 * out-of-band quarter hour closes (voltage needs no profile warm-up). Only the voltage changes;
 * energy and every other meter run as the plain simulation.
 *
 * <p>Each excursion lasts the {@code anomaly.voltage.min-duration} in quarter hours (one by
 * default), and its meter reports normally in the quarter hours just before and after it, so every
 * excursion is its own anomaly (one OPEN, then one RESOLVED when the next quarter closes). Meters
 * are drawn at random per quarter hour (fixed seed): where a meter's timer fires among the
 * thousands that fire when a quarter closes is part of what the latency samples.
 */
final class VoltageExcursions implements HouseholdEffects {

    /**
     * One planned anomaly: a meter out of band from {@code startMillis} (quarter start) to {@code
     * endMillis}.
     */
    record Excursion(String meterId, long startMillis, long endMillis) {

        /** The key of its OPEN event on the anomaly topic: the anomaly's meter and start. */
        String key() {
            return key(meterId, startMillis);
        }

        static String key(String meterId, long startMillis) {
            return meterId + "@" + startMillis;
        }
    }

    private final double voltageV;
    private final Map<Long, BitSet> outOfBand = new HashMap<>();
    private final List<Excursion> excursions = new ArrayList<>();
    private BitSet current;

    /**
     * Plans excursions ending at each quarter hour from {@code firstEnd} up to {@code lastEnd}
     * (both quarter ends, inclusive).
     *
     * @param meterIds the simulation's meters, in household order
     * @param quarters length of one excursion in quarter hours
     * @param perQuarter excursions ending at each quarter hour
     * @param voltageV the voltage the chosen meters report
     */
    VoltageExcursions(
            List<String> meterIds,
            long firstEnd,
            long lastEnd,
            int quarters,
            int perQuarter,
            double voltageV) {
        this.voltageV = voltageV;
        int meters = meterIds.size();
        if ((long) perQuarter * (quarters + 2) * 2 > meters) {
            throw new IllegalArgumentException(
                    perQuarter
                            + " excursions per quarter hour need more than "
                            + meters
                            + " meters");
        }
        long[] busyUntil = new long[meters];
        Arrays.fill(busyUntil, Long.MIN_VALUE);
        SplittableRandom random = new SplittableRandom(7);
        for (long end = firstEnd; end <= lastEnd; end += QuarterHours.MILLIS) {
            long start = end - quarters * QuarterHours.MILLIS;
            for (int chosen = 0; chosen < perQuarter; ) {
                int h = random.nextInt(meters);
                // Normal before (so no earlier excursion runs into this one) and after (its
                // RESOLVED quarter).
                if (busyUntil[h] >= start) {
                    continue;
                }
                busyUntil[h] = end + QuarterHours.MILLIS;
                for (long quarterEnd = start + QuarterHours.MILLIS;
                        quarterEnd <= end;
                        quarterEnd += QuarterHours.MILLIS) {
                    outOfBand.computeIfAbsent(quarterEnd, q -> new BitSet(meters)).set(h);
                }
                excursions.add(new Excursion(meterIds.get(h), start, end));
                chosen++;
            }
        }
    }

    double voltageV() {
        return voltageV;
    }

    List<Excursion> excursions() {
        return excursions;
    }

    @Override
    public void begin(SimulationConfig config) {
        current = null;
    }

    @Override
    public boolean beforeStep(long step, long endMillis, double localHour) {
        current = outOfBand.get(QuarterHours.endOf(endMillis));
        return current != null;
    }

    @Override
    public boolean touches(int household) {
        return current.get(household);
    }

    @Override
    public double energyWh(int household, double naturalWh) {
        return naturalWh;
    }

    @Override
    public boolean sends(int household) {
        return true;
    }

    @Override
    public double voltageV(int household, double modelledV) {
        return voltageV;
    }

    @Override
    public void end(long lastStep) {}
}
