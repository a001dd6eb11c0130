package io.gridpulse.core.savings;

/**
 * Student's t distribution for whole degrees of freedom, exactly: the probability P(|T| &le; t) has
 * a closed form as a finite series in θ = atan(t / sqrt(ν)) (Abramowitz and Stegun 26.7.3 and
 * 26.7.4), and the critical value is found by bisection on it. Good enough for any ν a baseline has
 * (the series has ν/2 terms).
 */
public final class StudentT {

    private StudentT() {}

    /**
     * The t with P(|T| &le; t) = {@code confidence} for ν = {@code degreesOfFreedom}: the two-sided
     * critical value, e.g. 1.812 for 90% and ν = 10, tending to the normal 1.645 as ν grows.
     */
    public static double criticalValue(double confidence, int degreesOfFreedom) {
        if (!(confidence > 0 && confidence < 1) || degreesOfFreedom < 1) {
            throw new IllegalArgumentException(
                    "need 0 < confidence < 1 and degrees of freedom >= 1, got "
                            + confidence
                            + " and "
                            + degreesOfFreedom);
        }
        double low = 0;
        double high = 1;
        while (centralProbability(high, degreesOfFreedom) < confidence) {
            low = high;
            high *= 2;
        }
        // 100 halvings take any bracket below double precision.
        for (int i = 0; i < 100; i++) {
            double middle = (low + high) / 2;
            if (centralProbability(middle, degreesOfFreedom) < confidence) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(|T| &le; t) for t >= 0 and ν = {@code degreesOfFreedom} >= 1. */
    public static double centralProbability(double t, int degreesOfFreedom) {
        double theta = Math.atan(t / Math.sqrt(degreesOfFreedom));
        double sin = Math.sin(theta);
        double cos = Math.cos(theta);
        double cosSquared = cos * cos;
        double sum = 1;
        double term = 1;
        if (degreesOfFreedom % 2 == 0) {
            // sinθ (1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + ... up to cos^(ν-2)θ)
            for (int k = 1; k <= (degreesOfFreedom - 2) / 2; k++) {
                term *= (2.0 * k - 1) / (2.0 * k) * cosSquared;
                sum += term;
            }
            return sin * sum;
        }
        if (degreesOfFreedom == 1) {
            return 2 * theta / Math.PI;
        }
        // 2/π (θ + sinθ cosθ (1 + 2/3 cos²θ + 2·4/(3·5) cos⁴θ + ... up to cos^(ν-3)θ))
        for (int k = 1; k <= (degreesOfFreedom - 3) / 2; k++) {
            term *= (2.0 * k) / (2.0 * k + 1) * cosSquared;
            sum += term;
        }
        return 2 / Math.PI * (theta + sin * cos * sum);
    }
}
