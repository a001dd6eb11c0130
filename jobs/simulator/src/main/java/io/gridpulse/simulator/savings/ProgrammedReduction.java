package io.gridpulse.simulator.savings;

import io.gridpulse.simulator.HouseholdEffects;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Instant;
import java.util.Set;

/**
 * Ground truth for savings: from a given instant, the households of the chosen districts use a
 * fixed fraction less energy than they would have under the same weather (every load scaled down
 * alike, as a programme of efficiency and habits would), so a savings method run on the readings
 * must find that fraction.
 */
public final class ProgrammedReduction implements HouseholdEffects {

    private final double fraction;
    private final long fromMillis;
    private final Set<String> districts;
    private boolean[] reduced;
    private boolean active;

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
        Topology topology = Topology.of(config);
        reduced = new boolean[topology.households()];
        for (int h = 0; h < reduced.length; h++) {
            reduced[h] = reduces(topology.districtId(topology.districtOfMeter(h)));
        }
    }

    @Override
    public boolean beforeStep(long step, long endMillis, double localHour) {
        active = endMillis > fromMillis; // the interval ending at endMillis lies after the start
        return active;
    }

    @Override
    public boolean touches(int household) {
        return reduced[household];
    }

    @Override
    public double energyWh(int household, double naturalWh) {
        return naturalWh * (1 - fraction);
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
}
