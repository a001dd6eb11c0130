package io.gridpulse.replay.csv;

import java.util.Locale;

/** The unit of a weather file's temperatures; the pipeline works in degrees Celsius. */
public enum TemperatureUnit {
    C,
    F;

    public double toCelsius(double temperature) {
        return this == C ? temperature : (temperature - 32) * 5 / 9;
    }

    static TemperatureUnit parse(String text) {
        switch (text.toUpperCase(Locale.ROOT)) {
            case "C":
                return C;
            case "F":
                return F;
            default:
                throw MappingKeys.invalid(
                        "temperature-unit", text, "is neither C (Celsius) nor F (Fahrenheit)");
        }
    }
}
