package io.gridpulse.core.savings;

/**
 * The balance points (°F) a fit tries, from {@code lowestF} to {@code highestF} inclusive in steps
 * of {@code stepF}. CalTRACK searches 30..90 °F; a coarser grid is faster, a narrower one encodes
 * prior knowledge of the building.
 */
public record BalancePointGrid(double lowestF, double highestF, double stepF) {

    public static final BalancePointGrid CALTRACK = new BalancePointGrid(30, 90, 1);

    public BalancePointGrid {
        if (!(stepF > 0) || !(highestF >= lowestF)) {
            throw new IllegalArgumentException(
                    "need lowest <= highest and step > 0, got "
                            + lowestF
                            + ".."
                            + highestF
                            + " step "
                            + stepF);
        }
    }

    public double[] points() {
        // Counted, not accumulated, so 0.1 steps do not drift past the last point.
        int count = (int) Math.floor((highestF - lowestF) / stepF + 1e-9) + 1;
        double[] points = new double[count];
        for (int i = 0; i < count; i++) {
            points[i] = lowestF + i * stepF;
        }
        return points;
    }
}
