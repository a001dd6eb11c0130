package io.gridpulse.core.anomaly;

/**
 * What a household normally uses: mean energy per quarter hour for each of the 168 local hours of
 * the week, the typical deviation from it per hour of day, a slowly moving level (what lifts every
 * hour for days: a cold spell when the temperature is not known, guests), its usual peak quarter
 * hour, how many quarter hours of each hour of the week it has learned, and, where the district's
 * temperature is known, its {@link WeatherResponse}. A Flink POJO of about 620 bytes; the weather
 * response adds about 710.
 *
 * <p>Means and deviations are exponentially weighted, stored as 16-bit fixed point (a quarter of a
 * watt-hour: far finer than a household's quarter-hour noise, half the bytes of a float). The
 * learning rate starts as a plain running mean (1/n, with n counted from the meter's age) and
 * settles at a floor, so the profile follows slow changes of habit. The deviation is pooled per
 * hour of day over the weekdays, and over the weekend days: deviations need more samples than means
 * to settle, and weekends vary more than weekdays.
 */
public class MeterProfile {

    static final int HOURS_OF_WEEK = 168;

    /**
     * Deviation slots: the 24 hours of a weekday, then the 24 of a weekend day (weekends vary more:
     * saunas).
     */
    static final int SPREAD_SLOTS = 48;

    private static final double UNIT_WH = 0.25;
    private static final double MAX_WH = Character.MAX_VALUE * UNIT_WH;
    private static final double SLOT_RATE_FLOOR = 0.1;
    private static final double SPREAD_RATE_FLOOR = 0.03;

    /** About six hours: slower than a household's evening, faster than a week of weather. */
    private static final double LEVEL_RATE = 1.0 / 24;

    /**
     * The usual peak halves in about half a year without a new one: it is the highest of recent
     * months.
     */
    private static final double PEAK_FADE = Math.pow(0.5, 1.0 / (182 * 96));

    /**
     * No deviation is taken below this: a perfectly flat household would make every watt an
     * anomaly.
     */
    private static final double MIN_SPREAD_WH = 5.0;

    private static final long WEEK_MILLIS = 7 * 86_400_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    public char[] meanUnits = new char[HOURS_OF_WEEK];
    public char[] spreadUnits = new char[SPREAD_SLOTS];
    public float levelWh;
    public float peakWh;

    /**
     * The household's usual biggest rise, Wh: how far a quarter hour has climbed above the one
     * before it (or the profile, if higher), fading like the peak ({@link #noteRise}).
     */
    public float riseWh;

    /** End of the first quarter hour learned; 0 before. */
    public long since;

    /**
     * Quarter hours learned per hour of the week, up to 127; null in a profile from before they
     * were counted (restored from an older savepoint: it was warm by its age alone and stays so).
     */
    public byte[] learnedQuarters;

    /**
     * How use follows the district's temperature; null until a quarter hour with a temperature is
     * learned (always, when the job has no weather).
     */
    public WeatherResponse weather;

    public MeterProfile() {}

    boolean isWarm(long quarterEnd, long warmUpMillis) {
        return since != 0 && quarterEnd - since >= warmUpMillis;
    }

    /**
     * Warm, and this hour of the week learned from at least {@code minQuarters} quarter hours: a
     * meter that missed a week of its warm-up is not judged on the hours it missed.
     */
    boolean isWarmAt(QuarterClock.Local at, long quarterEnd, long warmUpMillis, int minQuarters) {
        return isWarm(quarterEnd, warmUpMillis)
                && (learnedQuarters == null || learnedQuarters[at.hourOfWeek()] >= minQuarters);
    }

    /**
     * What the profile expects in a quarter hour of this hour of week, Wh, at this temperature
     * ({@code degrees} null: not known).
     */
    double expectedWh(QuarterClock.Local at, Degrees degrees) {
        return Math.max(0.0, meanWh(at.hourOfWeek()) + levelWh + weatherWh(at, degrees));
    }

    /**
     * How far the weather moves this quarter hour from its hour of the week's mean, Wh: zero
     * without a temperature or before the response is fitted.
     */
    double weatherWh(QuarterClock.Local at, Degrees degrees) {
        return degrees == null || weather == null
                ? 0.0
                : weather.departureWh(at.hourOfWeek(), degrees);
    }

    /**
     * What heating and cooling draw in this quarter hour, Wh ({@link WeatherResponse#loadWh}): zero
     * without a temperature or before the response is fitted.
     */
    double weatherLoadWh(Degrees degrees) {
        return degrees == null || weather == null ? 0.0 : weather.loadWh(degrees);
    }

    /**
     * How far today's use is shifted from the usual, Wh: the level and the weather. The usual peak
     * was set under its own day's weather, so a quarter is compared with it net of this.
     */
    double shiftWh(QuarterClock.Local at, Degrees degrees) {
        return Math.max(0.0, levelWh + weatherWh(at, degrees));
    }

    /** The typical deviation from {@link #expectedWh} at this hour of day, Wh. */
    double spreadWh(QuarterClock.Local at) {
        return Math.max(MIN_SPREAD_WH, spreadUnits[spreadSlot(at)] * UNIT_WH);
    }

    double peakWh() {
        return peakWh;
    }

    /** Learns one quarter hour of normal use ending at {@code quarterEnd}. */
    void learn(QuarterClock.Local at, long quarterEnd, double energyWh, Degrees degrees) {
        if (since == 0) {
            since = quarterEnd;
            learnedQuarters = new byte[HOURS_OF_WEEK];
        }
        int slot = at.hourOfWeek();
        if (learnedQuarters != null && learnedQuarters[slot] < Byte.MAX_VALUE) {
            learnedQuarters[slot]++;
        }
        int hour = spreadSlot(at);
        long age = quarterEnd - since;
        double mean = meanWh(slot);
        double spread = spreadUnits[hour] * UNIT_WH;
        double residual = energyWh - mean - levelWh - weatherWh(at, degrees);
        double meanRate = rate(age / WEEK_MILLIS * 4 + at.quarterOfHour() + 1, SLOT_RATE_FLOOR);
        meanUnits[slot] = units(mean + meanRate * (energyWh - mean));
        boolean weatherTakesOver = false;
        if (degrees != null) {
            if (weather == null) {
                weather = new WeatherResponse();
            }
            boolean wasFitted = weather.isFitted();
            weather.learn(slot, degrees, energyWh - mean, meanRate, age >= WEEK_MILLIS);
            weatherTakesOver = !wasFitted && weather.isFitted();
        }
        if (age < WEEK_MILLIS) {
            return; // until every hour of the week has a mean, residuals say nothing about
            // deviation or level
        }
        long settledDays = (age - WEEK_MILLIS) / DAY_MILLIS;
        spreadUnits[hour] =
                units(
                        spread
                                + rate(settledDays * 4 + at.quarterOfHour() + 1, SPREAD_RATE_FLOOR)
                                        * (Math.abs(residual) - spread));
        if (weatherTakesOver) {
            // Until now the level followed the weather of the last hours; from here the response
            // predicts it, and keeping both would count a warm spell twice (expecting next to
            // nothing of a heated home the first evening it is judged). The level relearns what
            // the weather does not explain within hours.
            levelWh = 0;
        } else {
            moveLevel(residual, spread);
        }
    }

    /**
     * Every measured quarter hour, normal or not, sets the usual peak: once a household has done it
     * and been told, it is something the household does (a new sauna must not alert every
     * Saturday).
     */
    void notePeak(double energyWh) {
        peakWh = (float) Math.max(energyWh, peakWh * PEAK_FADE);
    }

    /**
     * Every normal quarter hour's rise, and each spike run's once it ends, sets the usual biggest
     * rise: a short big load the household repeats (and was told about) is then its own.
     */
    void noteRise(double riseWh) {
        this.riseWh = (float) Math.max(riseWh, this.riseWh * PEAK_FADE);
    }

    /**
     * Learns only the level from a quarter hour that is above profile but may be the weather (its
     * temperature unknown, or the response not fitted to it).
     */
    void learnLevel(QuarterClock.Local at, double energyWh, Degrees degrees) {
        moveLevel(
                energyWh - meanWh(at.hourOfWeek()) - levelWh - weatherWh(at, degrees),
                spreadUnits[spreadSlot(at)] * UNIT_WH);
    }

    /**
     * The level follows what the hour-of-week means cannot: days-long shifts such as weather. A
     * clipped residual keeps one odd quarter hour from moving it much.
     */
    private void moveLevel(double residual, double spread) {
        double clip = 3 * Math.max(MIN_SPREAD_WH, spread);
        levelWh += (float) (LEVEL_RATE * Math.max(-clip, Math.min(clip, residual)));
    }

    private static int spreadSlot(QuarterClock.Local at) {
        return at.dayOfWeek() >= 5 ? 24 + at.hour() : at.hour();
    }

    private double meanWh(int slot) {
        return meanUnits[slot] * UNIT_WH;
    }

    private static double rate(long samples, double floor) {
        return Math.max(floor, 1.0 / samples);
    }

    private static char units(double wh) {
        return (char) Math.round(Math.max(0.0, Math.min(MAX_WH, wh)) / UNIT_WH);
    }
}
