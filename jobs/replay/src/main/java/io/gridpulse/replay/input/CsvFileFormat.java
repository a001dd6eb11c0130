package io.gridpulse.replay.input;

import io.gridpulse.replay.csv.CsvLineException;
import io.gridpulse.replay.csv.ReadingMapping;
import io.gridpulse.replay.csv.ReadingRow;
import io.gridpulse.replay.csv.ReadingRowParser;
import io.gridpulse.replay.csv.ValueKind;
import io.gridpulse.replay.progress.Counters;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * CSV files of meter data read line by line under the mapping: each data line becomes a row, or is
 * counted (missing value, outside the time range), or becomes a dead letter naming the file and
 * line. A bad line never stops the file. Local times of the hour the clocks go back are told apart
 * by file order ({@link ClockChanges}).
 */
public final class CsvFileFormat extends WholeFileFormat<MeterRow> {

    private static final long serialVersionUID = 1L;

    private final ReadingMapping mapping;
    private final TimeRange range;

    /** {@code files}: all CSV files of the replay; rows name theirs by its index. */
    public CsvFileFormat(List<String> files, ReadingMapping mapping, TimeRange range) {
        super(files, TypeInformation.of(MeterRow.class), Counters.RECORDS);
        this.mapping = mapping;
        this.range = range;
    }

    @Override
    Records<MeterRow> open(String file, InputStream in) throws IOException {
        CsvLines lines = CsvLines.open(in, mapping.layout());
        ReadingRowParser parser = mapping.parser(lines.header());
        ClockChanges clockChanges = new ClockChanges(mapping.timeZone());
        int index = files().indexOf(file);
        return new Records<>() {
            /** An unreadable line has no time of its own: it is booked at its predecessor's. */
            private long lastTime;

            @Override
            public FileRecord<MeterRow> next() throws IOException {
                String line = lines.next();
                if (line == null) {
                    return null;
                }
                ReadingRow row;
                try {
                    row = parser.parse(line);
                } catch (CsvLineException e) {
                    return FileRecord.deadLetter(
                            FileDeadLetters.malformed(
                                    file, "line", lines.number(), line, e.getMessage(), lastTime));
                }
                long shift = clockChanges.shiftFor(row.meterId(), row.startMillis());
                lastTime = row.endMillis() + shift;
                if (row.missing()) {
                    return FileRecord.counted(Counters.MISSING_VALUE);
                }
                if (!inRange(row, shift)) {
                    return FileRecord.counted(Counters.OUTSIDE_RANGE);
                }
                return FileRecord.of(toMeterRow(row, shift, index, lines.number()));
            }
        };
    }

    private boolean inRange(ReadingRow row, long shift) {
        return row.kind() == ValueKind.REGISTER
                ? range.contains(row.endMillis() + shift)
                : range.containsInterval(row.startMillis() + shift, row.endMillis() + shift);
    }

    /**
     * {@code shift}: added to the row's times (the second pass through the hour the clocks go
     * back).
     */
    private static MeterRow toMeterRow(ReadingRow row, long shift, int file, long line) {
        MeterRow meterRow = new MeterRow();
        meterRow.meterId = row.meterId();
        meterRow.feederId = row.feederId();
        meterRow.districtId = row.districtId();
        meterRow.startMillis = row.startMillis() + shift;
        meterRow.endMillis = row.endMillis() + shift;
        meterRow.register = row.kind() == ValueKind.REGISTER;
        double hours = (row.endMillis() - row.startMillis()) / 3_600_000.0;
        switch (row.kind()) {
            case REGISTER -> {
                meterRow.energyWh = row.value();
                meterRow.powerW = Double.NaN;
            }
            case INTERVAL_ENERGY -> {
                meterRow.energyWh = row.value();
                meterRow.powerW = hours > 0 ? row.value() / hours : 0.0;
            }
            case AVERAGE_POWER -> {
                meterRow.energyWh = row.value() * hours;
                meterRow.powerW = row.value();
            }
        }
        meterRow.voltageV = row.voltageV() == null ? Double.NaN : row.voltageV();
        meterRow.file = file;
        meterRow.line = line;
        return meterRow;
    }
}
