package io.gridpulse.replay.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * The progress line of a running replay, from the job's accumulators: how much of the input is read
 * (bytes of the files, or records of a Kafka range), how far the aggregating stage is, the rate,
 * and an estimate of the time left. In BATCH mode the input is read first and aggregated after, so
 * both halves weigh half of the estimate.
 */
public final class ProgressLine {

    private final JobClient job;
    private final long totalBytes;
    private final long totalRecords;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();

    /**
     * {@code totalBytes}: of the input files (0: none); {@code totalRecords}: of a Kafka range (0:
     * none).
     */
    public ProgressLine(
            JobClient job, long totalBytes, long totalRecords, PrintStream out, boolean terminal) {
        this.job = job;
        this.totalBytes = totalBytes;
        this.totalRecords = totalRecords;
        this.out = out;
        this.terminal = terminal;
    }

    /** Prints a line every {@code every} until the job ends. */
    public void followUntilDone(Duration every) throws Exception {
        CompletableFuture<?> done = job.getJobExecutionResult();
        while (!done.isDone()) {
            try {
                done.get(every.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                Map<String, Object> counters;
                try {
                    counters = job.getAccumulators().get(every.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception notNow) {
                    continue;
                }
                print(counters);
            } catch (Exception failed) {
                break; // the caller reports the job's failure
            }
        }
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    private void print(Map<String, Object> counters) {
        long records = value(counters, Counters.RECORDS);
        double read =
                totalBytes > 0
                        ? Math.min(1.0, (double) value(counters, Counters.BYTES) / totalBytes)
                        : totalRecords > 0 ? Math.min(1.0, (double) records / totalRecords) : 0.0;
        long toAggregate =
                records
                        - value(counters, Counters.MISSING_VALUE)
                        - value(counters, Counters.OUTSIDE_RANGE)
                        + value(counters, Counters.BOUNDARY_READINGS);
        double aggregated =
                read < 1.0 || toAggregate <= 0
                        ? 0.0
                        : Math.min(
                                1.0, (double) value(counters, Counters.AGGREGATED) / toAggregate);
        double done = (read + aggregated) / 2;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String eta = done > 0.02 ? clock(seconds * (1 - done) / done) : "--:--";
        String line =
                String.format(
                        Locale.ROOT,
                        "[replay] %3.0f%%  read %3.0f%% (%,d records, %,.0f/s)  aggregated %3.0f%%"
                                + "  elapsed %s  ETA %s",
                        done * 100,
                        read * 100,
                        records,
                        records / Math.max(seconds, 1e-3),
                        aggregated * 100,
                        clock(seconds),
                        eta);
        if (terminal) {
            out.print("\r\033[K" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    static long value(Map<String, Object> counters, String name) {
        Object value = counters.get(name);
        return value instanceof Number number ? number.longValue() : 0L;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
