package io.gridpulse.replay;

import io.gridpulse.core.influx.AnomalyPoints;
import io.gridpulse.core.influx.EnergyPoints;
import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.influx.InfluxSink;
import io.gridpulse.core.influx.PointMapper;
import io.gridpulse.core.influx.QualityPoints;
import io.gridpulse.core.influx.WeatherPoints;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.replay.gaps.GapEstimate;
import io.gridpulse.replay.gaps.GapEstimatePoints;
import io.gridpulse.replay.output.CsvColumns;
import io.gridpulse.replay.output.CsvOutput;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.WeatherObservation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where a replay writes: the live job's InfluxDB layout, CSV files in the output directory, or
 * both. Dead letters always go to {@code dead_letters.csv} there, so every rejected line can be
 * looked up by file and line.
 */
public final class ReplaySinks {

    /** What to write the results to. */
    public enum Target {
        INFLUX,
        FILES,
        BOTH
    }

    private final InfluxSettings influx;
    private final Path directory;
    private final Target target;
    private final List<CsvOutput<?>> files = new ArrayList<>();

    public ReplaySinks(InfluxSettings influx, Path directory, Target target) {
        this.influx = influx;
        this.directory = directory;
        this.target = target;
    }

    public Outputs monitorSinks() {
        Outputs.Builder outputs = Outputs.builder();
        sinks("meter_aggregates", CsvColumns.avro(MeterAggregate.class), EnergyPoints::meter)
                .forEach(outputs::meterAggregates);
        sinks("group_aggregates", CsvColumns.avro(GroupAggregate.class), EnergyPoints::group)
                .forEach(outputs::groupAggregates);
        outputs.deadLetters(file("dead_letters", CsvColumns.avro(DeadLetter.class)));
        sinks("data_quality", CsvColumns.quality(), QualityPoints::of)
                .forEach(outputs::dataQuality);
        sinks("data_gaps", CsvColumns.gaps(), QualityPoints::gap).forEach(outputs::gaps);
        if (target != Target.FILES) {
            outputs.anomalies(new InfluxSink<>(influx, AnomalyPoints::of));
        }
        if (target != Target.INFLUX) {
            // Files get every OPEN and RESOLVED event; InfluxDB keeps each anomaly's latest state.
            outputs.anomalyEvents(file("anomaly_events", CsvColumns.avro(Anomaly.class)));
        }
        return outputs.build();
    }

    /**
     * Estimates for the gaps too long to fill ({@code --estimate-long-gaps}): {@code
     * gap_estimates.csv} and/or the {@code data_gap_estimate} measurement, apart from the energy.
     */
    public List<Sink<GapEstimate>> gapEstimates() {
        return sinks("gap_estimates", CsvColumns.gapEstimates(), GapEstimatePoints::of);
    }

    public List<Sink<WeatherObservation>> weather() {
        return sinks("weather", CsvColumns.avro(WeatherObservation.class), WeatherPoints::of);
    }

    /** Clears the files a previous run left; call before the job starts. */
    public void prepare() throws IOException {
        for (CsvOutput<?> file : files) {
            file.clear();
        }
    }

    /**
     * Joins each output's part files into its CSV file; call after the job. Returns "name.csv:
     * rows" lines.
     */
    public List<String> finish() throws IOException {
        List<String> written = new ArrayList<>();
        for (CsvOutput<?> file : files) {
            written.add(String.format("%s.csv: %,d rows", file.name(), file.finish()));
        }
        return written;
    }

    public Path directory() {
        return directory;
    }

    /** An output's sinks: InfluxDB, the file {@code name.csv}, or both. */
    private <T> List<Sink<T>> sinks(String name, CsvColumns<T> columns, PointMapper<T> points) {
        List<Sink<T>> sinks = new ArrayList<>();
        if (target != Target.FILES) {
            sinks.add(new InfluxSink<>(influx, points));
        }
        if (target != Target.INFLUX) {
            sinks.add(file(name, columns));
        }
        return sinks;
    }

    private <T> Sink<T> file(String name, CsvColumns<T> columns) {
        CsvOutput<T> file = new CsvOutput<>(directory, name, columns);
        files.add(file);
        return file.sink();
    }
}
