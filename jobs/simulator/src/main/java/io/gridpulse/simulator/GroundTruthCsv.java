package io.gridpulse.simulator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link GroundTruth} as CSV files. Energies use the shortest decimal that round-trips, so a
 * reader parsing them gets back the very doubles the simulator computed; hour starts are ISO-8601
 * UTC instants.
 */
public final class GroundTruthCsv {

    static final String METER_HOURLY = "meter-hourly.csv";
    static final String FEEDER_HOURLY = "feeder-hourly.csv";
    public static final String DISTRICT_HOURLY = "district-hourly.csv";
    static final String HOUSEHOLDS = "households.csv";

    private static final String DISTRICT_HOURLY_HEADER = "district_id,hour_start,energy_kwh,meters";

    /**
     * A row of {@value #DISTRICT_HOURLY}: a district's energy in the hour window from {@code
     * hourStart}.
     */
    public record DistrictHour(
            String districtId, Instant hourStart, double energyKwh, int meters) {}

    private final GroundTruth truth;
    private final Topology topology;

    GroundTruthCsv(GroundTruth truth) {
        this.truth = truth;
        this.topology = truth.topology();
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (truth.hasMeterTruth()) {
            writeMeterHourly(dir.resolve(METER_HOURLY));
        }
        writeFeederHourly(dir.resolve(FEEDER_HOURLY));
        writeDistrictHourly(dir.resolve(DISTRICT_HOURLY));
        writeHouseholds(dir.resolve(HOUSEHOLDS));
    }

    private void writeMeterHourly(Path file) throws IOException {
        try (BufferedWriter out = open(file)) {
            out.write("meter_id,feeder_id,district_id,hour_start,energy_kwh\n");
            // Meter by meter, hour by hour: one meter's rows stay together, which is how they are
            // usually read.
            String[] hours = hourStrings();
            for (int m = 0; m < topology.households(); m++) {
                String prefix =
                        topology.meterId(m)
                                + ','
                                + topology.feederId(topology.feederOfMeter(m))
                                + ','
                                + topology.districtId(topology.districtOfMeter(m))
                                + ',';
                for (int w = 0; w < hours.length; w++) {
                    out.write(prefix);
                    out.write(hours[w]);
                    out.write(',');
                    out.write(plain(truth.meterWh(w)[m] / 1000.0));
                    out.write('\n');
                }
            }
        }
    }

    private void writeFeederHourly(Path file) throws IOException {
        int[] meters = truth.metersPerFeeder();
        try (BufferedWriter out = open(file)) {
            out.write("feeder_id,district_id,hour_start,energy_kwh,meters\n");
            String[] hours = hourStrings();
            for (int f = 0; f < topology.feeders(); f++) {
                if (meters[f] == 0) {
                    continue;
                }
                for (int w = 0; w < hours.length; w++) {
                    out.write(
                            topology.feederId(f)
                                    + ','
                                    + topology.districtId(topology.districtOfFeeder(f))
                                    + ','
                                    + hours[w]
                                    + ','
                                    + plain(truth.feederWh(w)[f] / 1000.0)
                                    + ','
                                    + meters[f]
                                    + '\n');
                }
            }
        }
    }

    private void writeDistrictHourly(Path file) throws IOException {
        int[] meters = truth.metersPerDistrict();
        try (BufferedWriter out = open(file)) {
            out.write(DISTRICT_HOURLY_HEADER);
            out.write('\n');
            String[] hours = hourStrings();
            for (int d = 0; d < topology.districts(); d++) {
                if (meters[d] == 0) {
                    continue;
                }
                for (int w = 0; w < hours.length; w++) {
                    out.write(
                            topology.districtId(d)
                                    + ','
                                    + hours[w]
                                    + ','
                                    + plain(truth.districtWh(w)[d] / 1000.0)
                                    + ','
                                    + meters[d]
                                    + '\n');
                }
            }
        }
    }

    private void writeHouseholds(Path file) throws IOException {
        try (BufferedWriter out = open(file)) {
            StringBuilder header =
                    new StringBuilder(
                            "meter_id,feeder_id,district_id,scale,base_w,morning_w,morning_hour,"
                                    + "morning_half_width_h,weekend_morning_delay_h,daytime_w,evening_w,evening_hour,evening_half_width_h,"
                                    + "heating_w_per_c,heating_balance_c,heating_max_w,cooling_w_per_c,cooling_balance_c,appliance_usage");
            for (Appliance a : Appliance.all()) {
                header.append(',').append(a.name().toLowerCase(Locale.ROOT)).append("_w");
            }
            header.append(",start_register_wh,voltage_offset_v\n");
            out.write(header.toString());
            List<HouseholdProfile> households = truth.households();
            for (HouseholdProfile p : households) {
                StringBuilder row = new StringBuilder(256);
                row.append(p.meterId())
                        .append(',')
                        .append(p.feederId())
                        .append(',')
                        .append(p.districtId());
                for (double v :
                        new double[] {
                            p.scale(),
                            p.baseW(),
                            p.morningW(),
                            p.morningHour(),
                            p.morningHalfWidthH(),
                            p.weekendMorningDelayH(),
                            p.daytimeW(),
                            p.eveningW(),
                            p.eveningHour(),
                            p.eveningHalfWidthH(),
                            p.heatingWPerC(),
                            p.heatingBalanceC(),
                            p.heatingMaxW(),
                            p.coolingWPerC(),
                            p.coolingBalanceC(),
                            p.applianceUsage()
                        }) {
                    row.append(',').append(fixed(v));
                }
                for (Appliance a : Appliance.all()) {
                    row.append(',').append(fixed(p.appliancePowerW(a)));
                }
                // The start register exactly: a reader can check it against the first reading.
                row.append(',')
                        .append(plain(p.startRegisterWh()))
                        .append(',')
                        .append(fixed(p.voltageOffsetV()))
                        .append('\n');
                out.write(row.toString());
            }
        }
    }

    /**
     * The rows of {@value #DISTRICT_HOURLY} in a directory written by {@link GroundTruth#writeCsv}.
     */
    public static List<DistrictHour> readDistrictHourly(Path dir) {
        Path file = dir.resolve(DISTRICT_HOURLY);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!DISTRICT_HOURLY_HEADER.equals(header)) {
                throw new IllegalArgumentException(
                        file + ": not the district ground truth, header is " + header);
            }
            List<DistrictHour> hours = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // Ids, instants and numbers: no cell is quoted.
                String[] cells = line.split(",", -1);
                hours.add(
                        new DistrictHour(
                                cells[0],
                                Instant.parse(cells[1]),
                                Double.parseDouble(cells[2]),
                                Integer.parseInt(cells[3])));
            }
            return hours;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String[] hourStrings() {
        String[] hours = new String[truth.windows()];
        for (int w = 0; w < hours.length; w++) {
            hours[w] = Instant.ofEpochMilli(truth.hourStartMillis(w)).toString();
        }
        return hours;
    }

    /**
     * The shortest decimal that reads back as the same double (as {@link Double#toString}), but
     * never in scientific notation, which some CSV consumers mis-read.
     */
    static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** Parameters are descriptive: four decimals are plenty and keep the file readable. */
    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static BufferedWriter open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
