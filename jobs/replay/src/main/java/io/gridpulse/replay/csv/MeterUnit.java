package io.gridpulse.replay.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The unit of a file's values: energy units for registers and interval energy, power units for
 * average power.
 */
public enum MeterUnit {
    WH("Wh", false, 1),
    KWH("kWh", false, 1_000),
    MWH("MWh", false, 1_000_000),
    J("J", false, 1 / 3_600.0),
    KJ("kJ", false, 1_000 / 3_600.0),
    MJ("MJ", false, 1_000_000 / 3_600.0),
    /** 105.5056 MJ, the value most utilities bill gas by (29,307.11 Wh). */
    THERM("therm", false, 105.5056e6 / 3_600.0),
    W("W", true, 1),
    KW("kW", true, 1_000),
    MW("MW", true, 1_000_000);

    private final String symbol;
    private final boolean power;
    private final double toBase;

    MeterUnit(String symbol, boolean power, double toBase) {
        this.symbol = symbol;
        this.power = power;
        this.toBase = toBase;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isPower() {
        return power;
    }

    /** The factor that turns a value in this unit into Wh (energy) or W (power). */
    public double toBase() {
        return toBase;
    }

    /**
     * Case-insensitive, as exports write {@code KWH} or {@code kwh}. That reads {@code mW} as
     * megawatts, which is harmless: nobody meters milliwatts.
     *
     * @throws CsvMappingException when the unit is unknown or does not fit the kind of value
     */
    static MeterUnit parse(String text, ValueKind kind) {
        for (MeterUnit unit : values()) {
            if (unit.symbol.equalsIgnoreCase(text)) {
                if (unit.power != kind.isPower()) {
                    throw MappingKeys.invalid(
                            "unit",
                            text,
                            "is "
                                    + (unit.power ? "a power" : "an energy")
                                    + " unit, but "
                                    + "value-kind="
                                    + kind
                                    + " needs "
                                    + (kind.isPower() ? "a power" : "an energy")
                                    + " unit: "
                                    + symbols(kind.isPower()));
                }
                return unit;
            }
        }
        throw MappingKeys.invalid(
                "unit",
                text,
                "is not a unit; energy units (register, interval-energy): "
                        + symbols(false)
                        + "; power units (average-power): "
                        + symbols(true));
    }

    @Override
    public String toString() {
        return symbol;
    }

    private static String symbols(boolean power) {
        List<String> symbols = new ArrayList<>();
        for (MeterUnit unit : values()) {
            if (unit.power == power) {
                symbols.add(unit.symbol);
            }
        }
        return String.join(", ", symbols);
    }
}
