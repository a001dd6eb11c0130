package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a CSV file of meter readings: which columns hold the time, the ids, the value and the
 * voltage, and what the value measures in which unit. Parsed and checked once from key=value pairs
 * (see the package documentation for the keys); then {@link #parser} binds it to one file's header.
 */
public final class ReadingMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> OWN_KEYS =
            List.of(
                    "timestamp-marks",
                    "interval",
                    "meter",
                    "meter-id",
                    "feeder",
                    "feeder-id",
                    "district",
                    "district-id",
                    "value",
                    "value-kind",
                    "unit",
                    "scale",
                    "voltage");
    static final List<String> KEYS = keys();

    private final CsvLayout layout;
    private final TimeColumns time;
    private final TimestampMarks marks;
    private final RowInterval interval; // null: a register without an interval
    private final IdSource meter;
    private final IdSource feeder;
    private final IdSource district;
    private final ColumnRef value;
    private final ValueKind kind;
    private final MeterUnit unit;
    private final double scale;
    private final ColumnRef voltage; // null: no voltage column

    private ReadingMapping(MappingKeys keys) {
        layout = CsvLayout.parse(keys);
        value =
                ColumnRef.parse(
                        "value",
                        keys.required(
                                "value", "the column of the values, by header name or number"));
        kind =
                ValueKind.parse(
                        keys.required(
                                "value-kind",
                                "what the values measure: register (cumulative energy "
                                        + "register), interval-energy (energy used in the interval) or average-power (average power over the "
                                        + "interval)"));
        unit =
                MeterUnit.parse(
                        keys.required(
                                "unit",
                                "the unit of the values, e.g. Wh, kWh, therm for energy, W, kW for "
                                        + "power"),
                        kind);
        scale = keys.number("scale", 1);
        if (scale == 0) {
            throw MappingKeys.invalid("scale", keys.text("scale"), "would make every value 0");
        }
        time = TimeColumns.parse(keys);
        marks = TimestampMarks.parse(keys.text("timestamp-marks", "end"));
        interval =
                keys.has("interval")
                        ? IntervalText.parse("interval", keys.text("interval"), time.zone())
                        : null;
        if (interval == null && kind.needsInterval()) {
            throw new CsvMappingException(
                    "missing key 'interval': value-kind="
                            + kind
                            + " describes an interval, so the "
                            + "mapping must give its length, e.g. interval=PT15M or interval=15min");
        }
        if (interval == null && marks == TimestampMarks.START) {
            throw new CsvMappingException(
                    "missing key 'interval': with timestamp-marks=start a row's interval ends one "
                            + "interval after its time, so the mapping must give its length, e.g. interval=PT15M or interval=15min");
        }
        meter = IdSource.parse(keys, "meter", "meter-id", null);
        feeder = IdSource.parse(keys, "feeder", "feeder-id", IdSource.UNASSIGNED);
        district = IdSource.parse(keys, "district", "district-id", IdSource.UNASSIGNED);
        voltage = ColumnRef.optional(keys, "voltage");
    }

    /**
     * @param pairs the mapping's key=value pairs; keys may have the prefix {@code csv.}
     * @throws CsvMappingException naming the key when a key is unknown, missing or has a value that
     *     cannot work
     */
    public static ReadingMapping parse(Map<String, String> pairs) {
        return new ReadingMapping(new MappingKeys(pairs, KEYS));
    }

    /**
     * The parser for one file, with the mapping's columns looked up in its header.
     *
     * @param headerLine the file's header line when the layout has a header, else null
     * @throws CsvMappingException when a column is not in the header, or the header is missing
     * @throws IllegalArgumentException when a header line is given though the mapping has
     *     header=false
     */
    public ReadingRowParser parser(String headerLine) {
        return new ReadingRowParser(this, Header.read(layout, headerLine));
    }

    public CsvLayout layout() {
        return layout;
    }

    /**
     * The usual length of each row's interval (a calendar day counts 24 hours), or null for a
     * register file that does not give one.
     */
    public Duration interval() {
        return interval == null ? null : interval.nominal();
    }

    /** Each row's interval as rows are read: fixed, or calendar days or months; null: none. */
    public RowInterval rowInterval() {
        return interval;
    }

    /** The zone of times that carry no offset. */
    public ZoneId timeZone() {
        return time.zone();
    }

    public ValueKind kind() {
        return kind;
    }

    public MeterUnit unit() {
        return unit;
    }

    /**
     * One line for the logs, e.g. {@code value 'Global_active_power' average-power in kW every
     * PT1M, time 'Date'+'Time' d/M/yyyy H:mm:ss Europe/Paris, meter fixed 'uci-1', times mark the
     * start, delimiter ';', missing '?'}.
     */
    public String describe() {
        StringBuilder text =
                new StringBuilder("value ")
                        .append(value.describe())
                        .append(' ')
                        .append(kind)
                        .append(" in ")
                        .append(unit);
        if (scale != 1) {
            text.append(" scaled by ").append(scale);
        }
        if (interval != null) {
            text.append(" every ").append(interval);
        }
        text.append(", ").append(time.describe()).append(", ").append(meter.describe("meter"));
        if (marks == TimestampMarks.START) {
            text.append(", times mark the start");
        }
        if (!feeder.isFixed(IdSource.UNASSIGNED)) {
            text.append(", ").append(feeder.describe("feeder"));
        }
        if (!district.isFixed(IdSource.UNASSIGNED)) {
            text.append(", ").append(district.describe("district"));
        }
        if (voltage != null) {
            text.append(", voltage ").append(voltage.describe());
        }
        return text.append(", ").append(layout.describe()).toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    TimeColumns time() {
        return time;
    }

    IdSource meter() {
        return meter;
    }

    IdSource feeder() {
        return feeder;
    }

    IdSource district() {
        return district;
    }

    ColumnRef value() {
        return value;
    }

    ColumnRef voltage() {
        return voltage;
    }

    boolean marksStart() {
        return marks == TimestampMarks.START;
    }

    /** What a value in the file's unit is multiplied by to give Wh or W. */
    double factor() {
        return unit.toBase() * scale;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(CsvLayout.KEYS);
        keys.addAll(TimeColumns.KEYS);
        keys.addAll(OWN_KEYS);
        return List.copyOf(keys);
    }
}
