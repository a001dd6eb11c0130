package io.gridpulse.bench;

import io.gridpulse.schema.MeterReading;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * What a user without a stream processor would do: write every raw reading into InfluxDB, then ask
 * InfluxQL for the 15-minute energy per meter (difference of the last register value per quarter
 * hour).
 */
final class InfluxAlternative {

    record Result(double writeSeconds, double querySeconds, long rows) {
        double totalSeconds() {
            return writeSeconds + querySeconds;
        }
    }

    static final String QUERY =
            "SELECT difference(last(energy_wh)) FROM raw_reading WHERE time >= '%s' AND time <= '%s'"
                    + " GROUP BY time(15m), meter";
    private static final int BATCH = 5_000;

    private InfluxAlternative() {}

    static Result measure(String url, List<Path> files, Instant from, Instant to, int run)
            throws Exception {
        String database = "bench_raw";
        Influx.recreateDatabase(url, database);

        long start = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(files.size());
        try {
            List<Future<Long>> written = new ArrayList<>();
            for (Path file : files) {
                written.add(writers.submit(() -> writeRaw(url, database, file)));
            }
            for (Future<Long> w : written) {
                w.get();
            }
        } finally {
            writers.shutdownNow();
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        long rows = aggregate(url, database, String.format(QUERY, from, to));
        double querySeconds = (System.nanoTime() - start) / 1e9;
        Log.info(
                "plain InfluxDB run %d: raw write %.1f s, InfluxQL 15-min energy %.1f s (%,d rows)",
                run, writeSeconds, querySeconds, rows);
        return new Result(writeSeconds, querySeconds, rows);
    }

    private static long writeRaw(String url, String database, Path file) throws Exception {
        long count = 0;
        try (InfluxDB influx = connect(url);
                DataFileReader<MeterReading> reader =
                        new DataFileReader<>(
                                new File(file.toString()),
                                new SpecificDatumReader<>(MeterReading.class))) {
            List<Point> batch = new ArrayList<>(BATCH);
            for (MeterReading reading : reader) {
                batch.add(
                        Point.measurement("raw_reading")
                                .time(reading.getTimestamp().toEpochMilli(), TimeUnit.MILLISECONDS)
                                .tag("meter", reading.getMeterId())
                                .addField("energy_wh", reading.getActiveEnergyWh())
                                .addField("power_w", reading.getAveragePowerW())
                                .build());
                if (batch.size() == BATCH) {
                    count += write(influx, database, batch);
                }
            }
            count += write(influx, database, batch);
        }
        return count;
    }

    private static int write(InfluxDB influx, String database, List<Point> batch) {
        int n = batch.size();
        if (n > 0) {
            influx.write(
                    BatchPoints.database(database)
                            .precision(TimeUnit.MILLISECONDS)
                            .points(batch)
                            .build());
            batch.clear();
        }
        return n;
    }

    /**
     * Runs the query in chunks (a plain query would hold every row in one response) and counts the
     * rows.
     */
    private static long aggregate(String url, String database, String influxql) throws Exception {
        AtomicLong rows = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (InfluxDB influx = connect(url)) {
            influx.query(
                    new Query(influxql, database),
                    50_000,
                    (cancellable, result) -> {
                        if (result.getError() != null && !"DONE".equals(result.getError())) {
                            failure.set(new IllegalStateException(result.getError()));
                            done.countDown();
                            return;
                        }
                        for (QueryResult.Result r :
                                result.getResults() == null
                                        ? List.<QueryResult.Result>of()
                                        : result.getResults()) {
                            if (r.getSeries() != null) {
                                r.getSeries()
                                        .forEach(
                                                series ->
                                                        rows.addAndGet(series.getValues().size()));
                            }
                        }
                    },
                    done::countDown,
                    error -> {
                        failure.set(error);
                        done.countDown();
                    });
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("InfluxQL aggregate did not finish");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("InfluxQL aggregate failed", failure.get());
        }
        return rows.get();
    }

    private static InfluxDB connect(String url) {
        return InfluxDBFactory.connect(
                url,
                new OkHttpClient.Builder()
                        .readTimeout(30, TimeUnit.MINUTES)
                        .writeTimeout(5, TimeUnit.MINUTES));
    }
}
