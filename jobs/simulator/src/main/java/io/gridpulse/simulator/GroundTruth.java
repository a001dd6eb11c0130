package io.gridpulse.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the emitted readings say, per hour: the answers a correct aggregation must reproduce.
 *
 * <p>The hour window starting at {@code h} covers readings with timestamps in (h, h + 1h] (a
 * reading describes the interval that ends at its timestamp). A meter's energy in it is (register
 * at its last reading in the window - register at its last reading before the window) / 1000, in
 * kWh: with the start reading and hour-aligned intervals, exactly register(h + 1h) - register(h).
 * Feeder and district figures are the exact sums of their meters' watt-hours, divided by 1000 once.
 * Hours are aligned to UTC (equal to local hours in whole-hour zones). If the run starts or ends
 * off the hour, the first or last window is partial, as the readings are.
 */
public final class GroundTruth {

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final Topology topology;
    private final List<HouseholdProfile> households;
    private final long firstHourMillis;
    private final List<double[]> meterWh; // per window: Wh per meter; empty if meter truth was off
    private final List<double[]> feederWh; // per window: Wh per feeder
    private final List<double[]> districtWh; // per window: Wh per district
    private final boolean meterTruth;
    private final int[] metersPerFeeder;
    private final int[] metersPerDistrict;
    private final long readings;

    GroundTruth(
            Topology topology,
            List<HouseholdProfile> households,
            long firstHourMillis,
            boolean meterTruth,
            List<double[]> meterWh,
            List<double[]> feederWh,
            List<double[]> districtWh,
            long readings) {
        this.topology = topology;
        this.households = List.copyOf(households);
        this.firstHourMillis = firstHourMillis;
        this.meterTruth = meterTruth;
        this.meterWh = List.copyOf(meterWh);
        this.feederWh = List.copyOf(feederWh);
        this.districtWh = List.copyOf(districtWh);
        this.metersPerFeeder = topology.metersPerFeeder();
        this.metersPerDistrict = topology.metersPerDistrict();
        this.readings = readings;
    }

    /** Readings emitted. */
    public long readings() {
        return readings;
    }

    public Topology topology() {
        return topology;
    }

    /** Every household's parameters, in meter order. */
    public List<HouseholdProfile> households() {
        return households;
    }

    /** Start instants of the hour windows the readings cover, in order. */
    public List<Instant> hourStarts() {
        List<Instant> hours = new ArrayList<>(feederWh.size());
        for (int w = 0; w < feederWh.size(); w++) {
            hours.add(Instant.ofEpochMilli(firstHourMillis + w * HOUR_MILLIS));
        }
        return Collections.unmodifiableList(hours);
    }

    /** A meter's energy in the hour window (hourStart, hourStart + 1h], in kWh. */
    public double meterHourKwh(String meterId, Instant hourStart) {
        if (!meterTruth) {
            throw new IllegalStateException(
                    "per-meter ground truth was not kept (SimulationConfig.meterTruth)");
        }
        return meterWh.get(window(hourStart))[index(topology.meterIndex(meterId), "meter", meterId)]
                / 1000.0;
    }

    /** A feeder's energy (sum over its meters) in the hour window, in kWh. */
    public double feederHourKwh(String feederId, Instant hourStart) {
        return feederWh.get(window(hourStart))[
                        index(topology.feederIndex(feederId), "feeder", feederId)]
                / 1000.0;
    }

    /** A district's energy (sum over its meters) in the hour window, in kWh. */
    public double districtHourKwh(String districtId, Instant hourStart) {
        return districtWh
                        .get(window(hourStart))[
                        index(topology.districtIndex(districtId), "district", districtId)]
                / 1000.0;
    }

    /** Meters reporting in a district (every meter reports in every window). */
    public int districtMeters(String districtId) {
        return metersPerDistrict[index(topology.districtIndex(districtId), "district", districtId)];
    }

    /** Meters on a feeder. */
    public int feederMeters(String feederId) {
        return metersPerFeeder[index(topology.feederIndex(feederId), "feeder", feederId)];
    }

    /**
     * Energy per district over all windows, in kWh, in district order; districts without meters are
     * left out.
     */
    public Map<String, Double> districtTotalsKwh() {
        return totalsKwh(districtWh, metersPerDistrict, topology.districtIds());
    }

    /**
     * Energy per feeder over all windows, in kWh, in feeder order; feeders without meters are left
     * out.
     */
    public Map<String, Double> feederTotalsKwh() {
        return totalsKwh(feederWh, metersPerFeeder, topology.feederIds());
    }

    /**
     * Writes {@code meter-hourly.csv} (only if per-meter truth was kept), {@code
     * feeder-hourly.csv}, {@code district-hourly.csv} and {@code households.csv} into the
     * directory, creating it if needed.
     */
    public void writeCsv(Path dir) {
        try {
            new GroundTruthCsv(this).writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + dir, e);
        }
    }

    // Raw views for the CSV writer, which walks the arrays instead of looking up by id.
    boolean hasMeterTruth() {
        return meterTruth;
    }

    int windows() {
        return feederWh.size();
    }

    long hourStartMillis(int window) {
        return firstHourMillis + window * HOUR_MILLIS;
    }

    double[] meterWh(int window) {
        return meterWh.get(window);
    }

    double[] feederWh(int window) {
        return feederWh.get(window);
    }

    double[] districtWh(int window) {
        return districtWh.get(window);
    }

    int[] metersPerFeeder() {
        return metersPerFeeder;
    }

    int[] metersPerDistrict() {
        return metersPerDistrict;
    }

    private static Map<String, Double> totalsKwh(
            List<double[]> perWindowWh, int[] meters, List<String> ids) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (meters[i] == 0) {
                continue;
            }
            double wh = 0;
            for (double[] window : perWindowWh) {
                wh += window[i];
            }
            totals.put(ids.get(i), wh / 1000.0);
        }
        return Collections.unmodifiableMap(totals);
    }

    private int window(Instant hourStart) {
        long offset = hourStart.toEpochMilli() - firstHourMillis;
        if (offset % HOUR_MILLIS != 0) {
            throw new IllegalArgumentException("not the start of an hour window: " + hourStart);
        }
        long w = offset / HOUR_MILLIS;
        if (offset < 0 || w >= feederWh.size()) {
            throw new IllegalArgumentException(
                    "no readings in the hour starting "
                            + hourStart
                            + "; covered hours: "
                            + (feederWh.isEmpty()
                                    ? "none"
                                    : Instant.ofEpochMilli(firstHourMillis)
                                            + " to "
                                            + Instant.ofEpochMilli(
                                                    hourStartMillis(feederWh.size() - 1))));
        }
        return (int) w;
    }

    private static int index(int index, String kind, String id) {
        if (index < 0) {
            throw new IllegalArgumentException("unknown " + kind + ": " + id);
        }
        return index;
    }
}
