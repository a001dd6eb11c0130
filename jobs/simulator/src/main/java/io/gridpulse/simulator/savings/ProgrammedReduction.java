package io.gridpulse.simulator.savings;

import io.gridpulse.simulator.EnergyQuantum;
import io.gridpulse.simulator.HouseholdEffects;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ground truth for savings: from a given instant, the households of the chosen districts use a
 * fixed fraction less energy than they would have under the same weather (every load scaled down
 * alike, as a programme of efficiency and habits would), so a savings method run on the readings
 * must find that fraction.
 *
 * <p>It also keeps the counterfactual: from the start of the programme on, every household's use
 * with the programme and what it would have used without, summed per district, so the truth a
 * method is scored against is measured on the very energies the meters counted ({@link #truth()}),
 * not taken from the configured fraction.
 */
public final class ProgrammedReduction implements HouseholdEffects {

    private final double fraction;
    private final Instant from;
    private final long fromMillis;
    private final Set<String> districts;
    private Topology topology;
    private boolean[] reduced;
    private int[] districtOf;
    private double[] withoutWh;
    private double[] withWh;
    private long lastActiveEndMillis = Long.MIN_VALUE;

    /**
     * @param fraction share of use avoided, e.g. 0.15
     * @param from when the programme starts
     * @param districts ids of the districts that take part (empty: all)
     */
    public ProgrammedReduction(double fraction, Instant from, Set<String> districts) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("reduction must be in [0, 1), got " + fraction);
        }
        this.fraction = fraction;
        this.from = from;
        this.fromMillis = from.toEpochMilli();
        this.districts = Set.copyOf(districts);
    }

    public double fraction() {
        return fraction;
    }

    /** Whether the district takes part. */
    public boolean reduces(String districtId) {
        return districts.isEmpty() || districts.contains(districtId);
    }

    @Override
    public void begin(SimulationConfig config) {
        topology = Topology.of(config);
        reduced = new boolean[topology.households()];
        districtOf = new int[topology.households()];
        for (int h = 0; h < reduced.length; h++) {
            districtOf[h] = topology.districtOfMeter(h);
            reduced[h] = reduces(topology.districtId(districtOf[h]));
        }
        withoutWh = new double[topology.districts()];
        withWh = new double[topology.districts()];
        lastActiveEndMillis = Long.MIN_VALUE;
    }

    @Override
    public boolean beforeStep(long step, long endMillis, double localHour) {
        // the interval ending at endMillis lies after the start
        boolean active = endMillis > fromMillis;
        if (active) {
            lastActiveEndMillis = endMillis;
        }
        return active;
    }

    /** Every household once the programme runs: those outside it are only watched. */
    @Override
    public boolean touches(int household) {
        return true;
    }

    @Override
    public double energyWh(int household, double naturalWh) {
        // At meter resolution already, so the simulation's own rounding leaves it as it is and the
        // sums below are the registers' increments.
        double wh =
                reduced[household]
                        ? EnergyQuantum.quantizeWh(naturalWh * (1 - fraction))
                        : naturalWh;
        withoutWh[districtOf[household]] += naturalWh;
        withWh[districtOf[household]] += wh;
        return wh;
    }

    @Override
    public boolean sends(int household) {
        return true;
    }

    @Override
    public double voltageV(int household, double modelledV) {
        return modelledV;
    }

    @Override
    public void end(long lastStep) {}

    /**
     * Per district, use with and without the programme from its start to the end of the run (after
     * the run; empty if the run ended before the programme started).
     */
    public List<SavingsTruth> truth() {
        List<SavingsTruth> truth = new ArrayList<>();
        if (topology == null || lastActiveEndMillis == Long.MIN_VALUE) {
            return truth;
        }
        for (int d = 0; d < topology.districts(); d++) {
            String id = topology.districtId(d);
            truth.add(
                    new SavingsTruth(
                            id,
                            reduces(id) ? fraction : 0.0,
                            from,
                            Instant.ofEpochMilli(lastActiveEndMillis),
                            withoutWh[d] / 1000.0,
                            withWh[d] / 1000.0));
        }
        return truth;
    }
}
