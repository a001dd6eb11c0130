package io.gridpulse.replay.savings;

import io.gridpulse.core.io.KafkaClientSettings;
import io.gridpulse.core.savings.BaselineMethod;
import io.gridpulse.core.savings.Fuel;
import io.gridpulse.replay.CommandLines;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Savings against a reduction target from a replay's result files, by CalTRACK's methods: per
 * household a baseline over the 365 days before the programme (daily use against heating and
 * cooling degree days, or, for hourly data, the hourly time-of-week and temperature model; chosen
 * by held-out error), its prediction under the reporting period's weather, and the avoided energy;
 * per feeder and district the sum of avoided over the sum of predicted, with the uncertainties
 * added in quadrature. Writes {@code savings.csv}, {@code savings-summary.txt}, {@code
 * savings-chart.png} (cumulative savings per district against the target) and the fitted models as
 * Avro {@code BaselineModel} records ({@code baseline_models.avro}).
 */
@Command(
        name = "savings",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Weather-normalised savings (CalTRACK daily and hourly models) from a replay's meter_aggregates.csv and weather.csv.")
public final class SavingsReport implements Callable<Integer> {

    @Option(
            names = "--results",
            required = true,
            paramLabel = "DIR",
            description =
                    "A replay's --output directory written with --write files|both (needs --weather in that replay).")
    Path results;

    @Option(
            names = "--baseline-end",
            required = true,
            paramLabel = "DATE",
            description = "Last day of the baseline: it is the 365 days ending there.")
    LocalDate baselineEnd;

    @Option(
            names = "--reporting-start",
            required = true,
            paramLabel = "DATE",
            description = "First reporting day.")
    LocalDate reportingStart;

    @Option(
            names = "--reporting-end",
            paramLabel = "DATE",
            description = "Last reporting day (default: the last day in the results).")
    LocalDate reportingEnd;

    @Option(
            names = "--time-zone",
            required = true,
            paramLabel = "ZONE",
            description =
                    "The replay's district.default-time-zone: the calendar of its daily windows.")
    ZoneId zone;

    @Option(
            names = "--fuel",
            defaultValue = "electricity",
            paramLabel = "electricity|gas",
            description =
                    "Electricity days of zero use count as missing (CalTRACK); gas may be zero."
                            + " Default: ${DEFAULT-VALUE}.")
    String fuel;

    @Option(
            names = "--target",
            defaultValue = "0.15",
            paramLabel = "FRACTION",
            description =
                    "Reduction target as a fraction of the predicted use (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(
            names = "--district-target",
            paramLabel = "DISTRICT=FRACTION",
            description =
                    "A district's own target where it differs from --target, e.g. --district-target D02=0.2.")
    Map<String, Double> districtTargets = new TreeMap<>();

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "METHOD[,METHOD...]",
            description =
                    "The models that compete per household: DAILY_MEAN (CalTRACK's daily method), HOURLY (degree"
                            + " days from the hours), TIME_OF_WEEK (CalTRACK's hourly model). DAILY_MEAN always"
                            + " competes; --models DAILY_MEAN is CalTRACK's daily method alone. Default: all.")
    Set<BaselineMethod> models = EnumSet.allOf(BaselineMethod.class);

    @Option(
            names = "--kafka-topic",
            paramLabel = "TOPIC",
            description =
                    "Also publish the models to this compacted Kafka topic, keyed by meter (created if missing).")
    String kafkaTopic;

    @Option(
            names = "--kafka-bootstrap",
            defaultValue = "127.0.0.1:9092",
            paramLabel = "HOST:PORT",
            description = "Kafka brokers for --kafka-topic (default: ${DEFAULT-VALUE}).")
    String kafkaBootstrap;

    @Option(
            names = "--kafka-properties-file",
            paramLabel = "FILE",
            description =
                    "Kafka client properties for --kafka-topic (security.protocol, sasl.*, ssl.*; as Kafka's tools"
                            + " take with --command-config).")
    Path kafkaPropertiesFile;

    public static void main(String[] args) {
        System.exit(CommandLines.run(new SavingsReport(), args));
    }

    @Override
    public Integer call() throws Exception {
        for (String needed : List.of("meter_aggregates.csv", "weather.csv")) {
            if (!Files.isRegularFile(results.resolve(needed))) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        results.resolve(needed)
                                + " is missing:"
                                + " replay the meters with --write files (or both) and their districts' temperatures with --weather,"
                                + " into --output "
                                + results);
            }
        }
        refuseMeaninglessPeriods();
        Fuel kind;
        try {
            kind = Fuel.valueOf(fuel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--fuel must be electricity or gas, not " + fuel);
        }
        Map<String, ReplayResults.MeterDays> meters;
        try {
            meters = ReplayResults.meterDays(results, zone);
        } catch (ReplayResults.WrongTimeZoneException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (meters.isEmpty()) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    results.resolve("meter_aggregates.csv")
                            + " has no daily windows: nothing to compute savings on");
        }
        Map<String, TreeMap<LocalDate, DayTemperature>> temperatures =
                ReplayResults.dailyTemperatures(results, zone);
        refuseDistrictsWithoutWeather(meters, temperatures);
        LocalDate end =
                reportingEnd != null
                        ? reportingEnd
                        : meters.values().stream()
                                .map(m -> m.days().lastKey())
                                .max(Comparator.naturalOrder())
                                .orElse(reportingStart);
        List<MeterSavings> all = new ArrayList<>();
        for (ReplayResults.MeterDays meter : meters.values()) {
            all.add(
                    MeterSavings.of(
                            meter,
                            temperatures.getOrDefault(meter.districtId(), new TreeMap<>()),
                            baselineEnd,
                            reportingStart,
                            end,
                            kind,
                            models));
        }
        SavingsTable table = new SavingsTable(all, target, districtTargets);
        table.write(results.resolve("savings.csv"));
        List<io.gridpulse.schema.BaselineModel> models =
                all.stream().map(m -> BaselineModelFile.record(m, baselineEnd, "kWh")).toList();
        BaselineModelFile.write(results.resolve("baseline_models.avro"), models);
        if (kafkaTopic != null) {
            BaselineModelTopic.publish(
                    kafkaBootstrap,
                    kafkaPropertiesFile == null
                            ? Map.of()
                            : KafkaClientSettings.readFile(kafkaPropertiesFile),
                    kafkaTopic,
                    models);
        }
        SavingsChart.write(
                results.resolve("savings-chart.png"),
                CumulativeSavings.byDistrict(all, temperatures, reportingStart, end, kind),
                target);
        List<String> summary = table.summary(baselineEnd, reportingStart, end);
        PrintStream out = System.out;
        summary.forEach(out::println);
        Files.write(results.resolve("savings-summary.txt"), summary, StandardCharsets.UTF_8);
        return 0;
    }

    /** A reporting period that overlaps the baseline, or ends before it starts, means nothing. */
    private void refuseMeaninglessPeriods() {
        if (!reportingStart.isAfter(baselineEnd)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--reporting-start "
                            + reportingStart
                            + " must come after --baseline-end "
                            + baselineEnd
                            + ": the reporting period may not overlap the baseline it is compared"
                            + " with");
        }
        if (reportingEnd != null && reportingEnd.isBefore(reportingStart)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--reporting-end "
                            + reportingEnd
                            + " is before --reporting-start "
                            + reportingStart);
        }
    }

    /** Savings without temperatures are no savings: say which district's weather is missing. */
    private void refuseDistrictsWithoutWeather(
            Map<String, ReplayResults.MeterDays> meters,
            Map<String, TreeMap<LocalDate, DayTemperature>> temperatures) {
        List<String> without =
                meters.values().stream()
                        .map(ReplayResults.MeterDays::districtId)
                        .distinct()
                        .filter(district -> !temperatures.containsKey(district))
                        .sorted()
                        .toList();
        if (!without.isEmpty()) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    results.resolve("weather.csv")
                            + " has no temperature for district "
                            + String.join(", ", without)
                            + (temperatures.isEmpty()
                                    ? ""
                                    : " (it has " + String.join(", ", temperatures.keySet()) + ")")
                            + ": replay their weather with --weather");
        }
    }

    /** Groups of meters by feeder or district. */
    static Map<String, List<MeterSavings>> by(
            List<MeterSavings> all, Function<MeterSavings, String> key) {
        Map<String, List<MeterSavings>> groups = new TreeMap<>();
        all.forEach(m -> groups.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(m));
        return groups;
    }
}
