package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * Turns the data lines of one file into {@link ReadingRow}s, by the positions its header gave the
 * mapping's columns. Serializable, to be built on the client and shipped inside a Flink function;
 * not safe to share between threads.
 */
public final class ReadingRowParser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RowSplitter splitter;
    private final FieldReader reader;
    private final TimeReader time;
    private final IdSource.Bound meter;
    private final IdSource.Bound feeder;
    private final IdSource.Bound district;
    private final Column value;
    private final Column voltage; // null: not mapped
    private final ValueKind kind;
    private final double factor;
    private final RowInterval interval; // null: no interval
    private final boolean marksStart;

    ReadingRowParser(ReadingMapping mapping, Header header) {
        time = mapping.time().bind(header);
        meter = mapping.meter().bind(header);
        feeder = mapping.feeder().bind(header);
        district = mapping.district().bind(header);
        value = mapping.value().resolve(header);
        voltage = mapping.voltage() == null ? null : mapping.voltage().resolve(header);
        splitter =
                new RowSplitter(
                        mapping.layout().delimiter(),
                        time.lastColumn(),
                        meter.column(),
                        feeder.column(),
                        district.column(),
                        value,
                        voltage);
        reader = new FieldReader(mapping.layout());
        kind = mapping.kind();
        factor = mapping.factor();
        interval = mapping.rowInterval();
        marksStart = mapping.marksStart();
    }

    /**
     * @param line a data line that is not blank ({@link CsvLayout#isBlank})
     * @throws CsvLineException naming the column and quoting its text when the line does not fit
     *     the mapping
     */
    public ReadingRow parse(String line) {
        String[] fields = splitter.split(line);
        long time = this.time.epochMillis(fields);
        long end = interval == null ? time : marksStart ? interval.endAfter(time) : time;
        long start = interval == null ? end : marksStart ? time : interval.startBefore(end);
        double number = reader.number(fields, value);
        boolean missing = Double.isNaN(number);
        return new ReadingRow(
                meter.read(fields, reader),
                feeder.read(fields, reader),
                district.read(fields, reader),
                end,
                start,
                kind,
                missing ? Double.NaN : number * factor,
                voltage(fields),
                missing);
    }

    private Double voltage(String[] fields) {
        if (voltage == null) {
            return null;
        }
        double volts = reader.number(fields, voltage);
        return Double.isNaN(volts) ? null : volts;
    }
}
