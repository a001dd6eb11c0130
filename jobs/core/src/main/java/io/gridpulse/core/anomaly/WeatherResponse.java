package io.gridpulse.core.anomaly;

import java.util.Arrays;

/**
 * How a household's use follows the weather: watt-hours per quarter hour per heating degree and per
 * cooling degree, fitted on the meter's own normal quarter hours. A Flink POJO of about 700 bytes,
 * kept by a {@link MeterProfile} once the district's temperature reaches its detector.
 *
 * <p>The profile's hour-of-week means already hold the weather of recent weeks. So this keeps, with
 * the very same weights, the mean heating and cooling degrees of each hour of the week, and
 * predicts only the departure from them: a quarter hour 6 degrees colder than that hour has lately
 * been uses 6 times the heating slope more. The slopes come from exponentially weighted least
 * squares of the use's departure from its hour-of-week mean on the degrees' departures (two
 * regressors, a small ridge towards zero, never negative: weather does not lower use).
 */
public class WeatherResponse {

    /** Degrees stored in hundredths: 16-bit fixed point up to 655 degrees. */
    private static final double UNIT_DEGREES = 0.01;

    /** An hour of the week whose degree means have not been started. */
    private static final char NOT_STARTED = Character.MAX_VALUE;

    private static final double MAX_DEGREES = (NOT_STARTED - 1) * UNIT_DEGREES;

    /**
     * The moments forget over about three weeks: enough spells to see the slope, short enough to
     * follow a season (a heat pump's slope is not the same in March as in January).
     */
    private static final double MOMENT_RATE_FLOOR = 1.0 / (21 * 96);

    /**
     * Two weeks of quarter hours with a temperature before the slopes are used: a young fit's error
     * shows in every night the base load is judged on (with one week, a January run with a 14-day
     * warm-up had false base loads and missed two of three).
     */
    private static final int MIN_SAMPLES = 14 * 96;

    /**
     * Ridge, squared degrees: a meter whose weather hardly varied, or that has no heating (district
     * heating) or no air conditioning, gets a slope near zero rather than one fitted to its noise.
     */
    private static final double RIDGE = 0.1;

    public char[] heatingUnits = notStarted();
    public char[] coolingUnits = notStarted();

    /** Weighted means of heating² , cooling², heating x cooling, heating x use, cooling x use. */
    public float hh;

    public float cc;
    public float hc;
    public float hu;
    public float cu;
    public int samples;

    /**
     * The slopes of the moments above, solved once per quarter hour learned rather than at every
     * prediction (a quarter hour is predicted several times: expected use, peak, night); not state.
     */
    private transient double[] slopes;

    public WeatherResponse() {}

    /** Whether enough weather has been seen to predict with. */
    boolean isFitted() {
        return samples >= MIN_SAMPLES;
    }

    /**
     * What the weather adds to this hour of the week's mean, Wh: positive when it is colder (or
     * hotter) than that hour has lately been. Zero until fitted.
     */
    double departureWh(int hourOfWeek, Degrees degrees) {
        if (!isFitted() || heatingUnits[hourOfWeek] == NOT_STARTED) {
            return 0;
        }
        double[] slopes = slopes();
        return slopes[0] * (degrees.heating() - heating(hourOfWeek))
                + slopes[1] * (degrees.cooling() - cooling(hourOfWeek));
    }

    /**
     * All that heating and cooling draw at these degrees, Wh: what a quarter hour would use less
     * with neither. Zero until fitted.
     */
    double loadWh(Degrees degrees) {
        if (!isFitted()) {
            return 0;
        }
        double[] slopes = slopes();
        return slopes[0] * degrees.heating() + slopes[1] * degrees.cooling();
    }

    /** Heating and cooling slopes, Wh per degree per quarter hour. */
    double[] slopes() {
        if (slopes == null) {
            slopes = solve();
        }
        return slopes;
    }

    private double[] solve() {
        double a = hh + RIDGE;
        double b = hc;
        double c = cc + RIDGE;
        double det = a * c - b * b;
        double heating = (c * hu - b * cu) / det;
        double cooling = (a * cu - b * hu) / det;
        if (heating < 0) {
            return new double[] {0, Math.max(0, cu / c)};
        }
        if (cooling < 0) {
            return new double[] {Math.max(0, hu / a), 0};
        }
        return new double[] {heating, cooling};
    }

    /**
     * Learns one normal quarter hour: {@code useDepartureWh} is its use less its hour of the week's
     * mean before this quarter was learned, {@code meanRate} the rate that mean learns it at. Only
     * the degree means learn while {@code settled} is false: the profile's first week, when its
     * means are too young for departures from them to mean anything.
     */
    void learn(
            int hourOfWeek,
            Degrees degrees,
            double useDepartureWh,
            double meanRate,
            boolean settled) {
        if (heatingUnits[hourOfWeek] == NOT_STARTED) {
            heatingUnits[hourOfWeek] = units(degrees.heating());
            coolingUnits[hourOfWeek] = units(degrees.cooling());
            return;
        }
        double h = degrees.heating() - heating(hourOfWeek);
        double c = degrees.cooling() - cooling(hourOfWeek);
        heatingUnits[hourOfWeek] = units(heating(hourOfWeek) + meanRate * h);
        coolingUnits[hourOfWeek] = units(cooling(hourOfWeek) + meanRate * c);
        if (!settled) {
            return;
        }
        slopes = null;
        samples = Math.min(Integer.MAX_VALUE - 1, samples + 1);
        double rate = Math.max(MOMENT_RATE_FLOOR, 1.0 / samples);
        hh += (float) (rate * (h * h - hh));
        cc += (float) (rate * (c * c - cc));
        hc += (float) (rate * (h * c - hc));
        hu += (float) (rate * (h * useDepartureWh - hu));
        cu += (float) (rate * (c * useDepartureWh - cu));
    }

    private static char[] notStarted() {
        char[] units = new char[MeterProfile.HOURS_OF_WEEK];
        Arrays.fill(units, NOT_STARTED);
        return units;
    }

    private double heating(int hourOfWeek) {
        return heatingUnits[hourOfWeek] * UNIT_DEGREES;
    }

    private double cooling(int hourOfWeek) {
        return coolingUnits[hourOfWeek] * UNIT_DEGREES;
    }

    private static char units(double degrees) {
        return (char) Math.round(Math.max(0.0, Math.min(MAX_DEGREES, degrees)) / UNIT_DEGREES);
    }
}
