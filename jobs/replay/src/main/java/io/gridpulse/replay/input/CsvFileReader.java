package io.gridpulse.replay.input;

import io.gridpulse.replay.csv.CsvLayout;
import io.gridpulse.replay.csv.CsvLineException;
import io.gridpulse.replay.csv.ReadingMapping;
import io.gridpulse.replay.csv.ReadingRow;
import io.gridpulse.replay.csv.ReadingRowParser;
import io.gridpulse.replay.csv.ValueKind;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.DeadLetter;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Reads one CSV file of meter data per call, line by line under the mapping: each data line becomes
 * a row, or is counted (missing value, outside the time range), or becomes a dead letter naming the
 * file and line. A bad line never stops the file. Local times of the hour the clocks go back are
 * told apart by file order ({@link ClockChanges}).
 */
public final class CsvFileReader extends RichFlatMapFunction<String, Either<DeadLetter, MeterRow>> {

    private static final long serialVersionUID = 1L;

    private final ReadingMapping mapping;
    private final List<String> files;
    private final TimeRange range;
    private transient Tally.Accumulators counters;

    /** {@code files}: all CSV files of the replay; rows name theirs by its index. */
    public CsvFileReader(ReadingMapping mapping, List<String> files, TimeRange range) {
        this.mapping = mapping;
        this.files = List.copyOf(files);
        this.range = range;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new Tally.Accumulators(getRuntimeContext());
    }

    @Override
    public void flatMap(String file, Collector<Either<DeadLetter, MeterRow>> out) throws Exception {
        CsvLayout layout = mapping.layout();
        try (CsvLines lines = CsvLines.open(file, layout, counters.get(Counters.BYTES))) {
            ReadingRowParser parser = mapping.parser(lines.header());
            ClockChanges clockChanges = new ClockChanges(mapping.timeZone());
            long lastTime = 0; // an unreadable line has no time of its own: it is booked at its
            // predecessor's
            for (String line = lines.next(); line != null; line = lines.next()) {
                counters.add(Counters.RECORDS, 1);
                ReadingRow row;
                try {
                    row = parser.parse(line);
                } catch (CsvLineException e) {
                    out.collect(
                            Either.Left(
                                    FileDeadLetters.malformed(
                                            file,
                                            "line",
                                            lines.number(),
                                            line,
                                            e.getMessage(),
                                            lastTime)));
                    continue;
                }
                long shift = clockChanges.shiftFor(row.meterId(), row.startMillis());
                lastTime = row.endMillis() + shift;
                if (row.missing()) {
                    counters.add(Counters.MISSING_VALUE, 1);
                } else if (!inRange(row, shift)) {
                    counters.add(Counters.OUTSIDE_RANGE, 1);
                } else {
                    out.collect(
                            Either.Right(
                                    toMeterRow(row, shift, files.indexOf(file), lines.number())));
                }
            }
        }
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
