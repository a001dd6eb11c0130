package io.gridpulse.simulator.savings;

import java.time.Instant;

/**
 * What a district really saved over a period: its households' use with the programme next to what
 * they would have used without it, under the same weather.
 *
 * @param districtId e.g. {@code D01}
 * @param programmedFraction the reduction the district's households were given (0 if it takes no
 *     part)
 * @param from start of the period (the programme's start)
 * @param to end of the period (the end of the run)
 * @param withoutKwh use without the programme
 * @param withKwh use with it, as the meters counted it
 */
public record SavingsTruth(
        String districtId,
        double programmedFraction,
        Instant from,
        Instant to,
        double withoutKwh,
        double withKwh) {

    /** The share of use avoided: {@code 1 - with / without}. */
    public double savingsFraction() {
        return withoutKwh > 0 ? 1 - withKwh / withoutKwh : 0.0;
    }
}
