package io.gridpulse.replay.csv;

import java.util.Locale;

/** What a row's value measures, which decides its unit and whether the row needs an interval. */
public enum ValueKind {
    /** The meter's cumulative energy register at the row's time, in Wh once parsed. */
    REGISTER("register", false),
    /** The energy used during the row's interval, in Wh once parsed. */
    INTERVAL_ENERGY("interval-energy", false),
    /** The average power over the row's interval, in W once parsed. */
    AVERAGE_POWER("average-power", true);

    private final String key;
    private final boolean power;

    ValueKind(String key, boolean power) {
        this.key = key;
        this.power = power;
    }

    /**
     * The mapping's name for the kind: {@code register}, {@code interval-energy}, {@code
     * average-power}.
     */
    public String key() {
        return key;
    }

    /** Whether the value is a power (in W) rather than an energy (in Wh). */
    public boolean isPower() {
        return power;
    }

    /**
     * A register is a reading at an instant; the other kinds describe an interval, so the mapping
     * must say how long.
     */
    public boolean needsInterval() {
        return this != REGISTER;
    }

    static ValueKind parse(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        for (ValueKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw MappingKeys.invalid(
                "value-kind",
                text,
                "is not one of register (cumulative energy register), "
                        + "interval-energy (energy used in the interval), average-power (average power over the interval)");
    }

    @Override
    public String toString() {
        return key;
    }
}
