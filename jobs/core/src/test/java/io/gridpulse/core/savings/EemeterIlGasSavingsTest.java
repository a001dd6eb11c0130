package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real test: OpenEEmeter's synthetic Illinois gas meter (data/eemeter-il-gas) whose generator's
 * ground truth is known: base load plus heating below 60 °F, and 10% less use in the reporting year
 * than in the baseline year under the same weather. Raw use per hour barely changes between the
 * whole periods around the blackout (-2.6%) because the weather differs; the CalTRACK daily method
 * must see through that.
 *
 * <p>The reporting period is, as CalTRACK and IPMVP Option C have it, every day measured since the
 * intervention: from the day after the blackout to the end of the data (399 days). There the method
 * finds 11.0%, within the 10% +/- 1 point. The 10% is the generator's expectation, not what
 * one noisy draw realises: over the first 365 reporting days alone the same model gives 8.7% (the
 * data themselves realise about 9.3% there, and degree days from the daily mean temperature, while
 * the generator heats by the hour, cost about 0.6 points), and the test prints that figure too. In
 * both cases the true 10% lies inside the 90% interval the method reports, which the test asserts.
 */
class EemeterIlGasSavingsTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final double TRUE_SAVINGS = 0.10;
    private static final LocalDate DATA_FIRST = LocalDate.of(2015, 11, 22);

    /** The last whole day: the data end with the hour starting 2018-02-08 00:00. */
    private static final LocalDate DATA_LAST = LocalDate.of(2018, 2, 7);

    /**
     * The baseline ends before the blackout (2016-12-26 .. 2017-01-04), the reporting period starts
     * after it.
     */
    private static final LocalDate BLACKOUT_START = LocalDate.of(2016, 12, 26);

    private static final LocalDate BLACKOUT_END = LocalDate.of(2017, 1, 4);
    private static final LocalDate BASELINE_LAST = BLACKOUT_START.minusDays(1);
    private static final LocalDate BASELINE_FIRST = BASELINE_LAST.minusDays(364);
    private static final LocalDate REPORTING_FIRST = BLACKOUT_END.plusDays(1);

    /** 365 days: the data run to 2018-02-08, so the whole reporting year is there. */
    private static final LocalDate REPORTING_LAST = REPORTING_FIRST.plusDays(364);

    private static NavigableMap<Instant, Double> usage;
    private static DailyAggregation aggregation;

    @BeforeAll
    static void readSample() throws IOException {
        Path directory = sampleDirectory();
        usage = HourlySeries.read(directory.resolve("il-gas-hdd-only-hourly.csv.gz"));
        aggregation =
                new DailyAggregation(
                        usage, HourlySeries.read(directory.resolve("il-tempF.csv.gz")), CHICAGO);
    }

    @Test
    void shouldRecoverTheGeneratorsTenPercentSavingsAndSixtyDegreeBalancePoint() {
        List<DailyObservation> baseline = aggregation.days(BASELINE_FIRST, BASELINE_LAST);
        List<DailyObservation> reporting = aggregation.days(REPORTING_FIRST, REPORTING_LAST);

        DataSufficiency.Result sufficiency = DataSufficiency.check(baseline, Fuel.GAS);
        BaselineModel model = CaltrackDailyFit.fit(baseline);
        Savings savings = Savings.over(dailyMean(model), reporting);
        double rawChange =
                rawChangePerHour(
                        BASELINE_FIRST,
                        BASELINE_LAST.plusDays(1),
                        REPORTING_FIRST,
                        REPORTING_LAST.plusDays(1));
        double rawChangeWholePeriods =
                rawChangePerHour(
                        DATA_FIRST, BLACKOUT_START, REPORTING_FIRST, DATA_LAST.plusDays(1));
        Savings wholeReportingSpan =
                Savings.over(dailyMean(model), aggregation.days(REPORTING_FIRST, DATA_LAST));

        System.out.printf(
                Locale.ROOT,
                "eemeter il-gas baseline %s..%s (%d days, sufficient %s %s)%n",
                BASELINE_FIRST,
                BASELINE_LAST,
                baseline.size(),
                sufficiency.sufficient(),
                sufficiency.reasons());
        System.out.printf(
                Locale.ROOT,
                "eemeter il-gas reporting %s..%s (%d days with usage)%n",
                REPORTING_FIRST,
                REPORTING_LAST,
                savings.reportingDays());
        System.out.println("eemeter il-gas model: " + model.describe());
        System.out.println(
                "eemeter il-gas savings, first 365 reporting days: " + savings.describe());
        System.out.println(
                "eemeter il-gas savings, the reporting period (every day since): "
                        + wholeReportingSpan.describe());
        System.out.printf(
                Locale.ROOT,
                "eemeter il-gas raw use per hour, reporting vs baseline: %+.2f%% over the two"
                        + " 365-day windows, %+.2f%% over all data before the blackout vs all after it%n",
                100 * rawChange,
                100 * rawChangeWholePeriods);

        assertThat(sufficiency.sufficient()).as("sufficiency %s", sufficiency.reasons()).isTrue();
        assertThat(model.kind().hasHeating()).as(model.describe()).isTrue();
        assertThat(model.heatingBalancePointF()).isBetween(57.0, 63.0);
        assertThat(wholeReportingSpan.reportingDays()).isEqualTo(399);
        assertThat(wholeReportingSpan.savingsFraction())
                .isBetween(TRUE_SAVINGS - 0.01, TRUE_SAVINGS + 0.01);
        for (Savings measured : List.of(wholeReportingSpan, savings)) {
            assertThat(Math.abs(measured.savingsFraction() - TRUE_SAVINGS))
                    .as(
                            "the true savings lie within the reported 90%% interval: %s",
                            measured.describe())
                    .isLessThanOrEqualTo(
                            measured.fractionalSavingsUncertainty() * measured.savingsFraction());
        }
        // Without weather normalisation the whole periods show hardly any saving.
        assertThat(Math.abs(rawChangeWholePeriods)).isLessThan(0.05);
    }

    /**
     * Every candidate, the hourly model included, against the best any method can do on this one
     * noisy draw: the generator's own form (use per hour = base + k * degrees below 60 °F, fitted
     * by least squares on the baseline hours). That form finds about 11.2% here, not 10%: the
     * sample's hourly noise realises a saving about a point above the generator's expectation, so
     * no honest method lands within half a point of 10% on it. Each candidate must agree with the
     * generator's form within half a point, and hold the true 10% inside its 90% interval.
     */
    @Test
    void shouldAgreeWithTheGeneratorsOwnFormOnThisDraw() {
        List<DailyObservation> baseline = aggregation.daysWithHours(BASELINE_FIRST, BASELINE_LAST);
        List<DailyObservation> reporting = aggregation.daysWithHours(REPORTING_FIRST, DATA_LAST);

        ModelSelection.Choice choice = ModelSelection.choose(baseline, BalancePointGrid.CALTRACK);
        double generatorsForm = generatorsFormSavings(baseline, reporting);

        System.out.printf(
                Locale.ROOT,
                "eemeter il-gas, generator's own form (degree hours at 60 °F, hourly fit): %.2f%%%n",
                100 * generatorsForm);
        assertThat(choice.candidates()).hasSize(3);
        for (ModelSelection.Candidate candidate : choice.candidates()) {
            Savings savings = candidate.savings(reporting);
            System.out.printf(
                    Locale.ROOT,
                    "eemeter il-gas, %s (held-out CV(RMSE) %.3f): %s%n",
                    candidate.model().methodDescription(),
                    candidate.heldOutCvRmse(),
                    savings.describe());
            assertThat(savings.savingsFraction())
                    .as(candidate.model().describe())
                    .isCloseTo(generatorsForm, within(0.005));
            assertThat(Math.abs(savings.savingsFraction() - TRUE_SAVINGS))
                    .isLessThanOrEqualTo(
                            savings.fractionalSavingsUncertainty() * savings.savingsFraction());
        }
    }

    /** Savings by least squares of hourly use on degree hours below 60 °F. */
    private static double generatorsFormSavings(
            List<DailyObservation> baseline, List<DailyObservation> reporting) {
        List<double[]> hours = new ArrayList<>();
        for (DailyObservation day : baseline) {
            for (int h = 0; day.hasHourlyUsage() && h < day.hourlyUsage().length; h++) {
                double t = day.hourlyTemperaturesF()[h];
                if (Double.isFinite(day.hourlyUsage()[h]) && Double.isFinite(t)) {
                    hours.add(new double[] {day.hourlyUsage()[h], DegreeDays.heating(60, t)});
                }
            }
        }
        double[] coefficients =
                LeastSquares.fit(
                                hours.stream().mapToDouble(x -> x[0]).toArray(),
                                hours.stream().mapToDouble(x -> x[1]).toArray())
                        .orElseThrow();
        double squares = 0;
        for (double[] hour : hours) {
            double e = hour[0] - coefficients[0] - coefficients[1] * hour[1];
            squares += e * e;
        }
        double noise = Math.sqrt(squares / (hours.size() - 2));
        double predicted = 0;
        double actual = 0;
        int reportingHours = 0;
        for (DailyObservation day : reporting) {
            for (int h = 0; day.hasHourlyUsage() && h < day.hourlyUsage().length; h++) {
                double t = day.hourlyTemperaturesF()[h];
                if (Double.isFinite(day.hourlyUsage()[h]) && Double.isFinite(t)) {
                    predicted += coefficients[0] + coefficients[1] * DegreeDays.heating(60, t);
                    actual += day.hourlyUsage()[h];
                    reportingHours++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "eemeter il-gas, hourly noise about the generator's form: %.3f therm (mean use %.3f);"
                        + " over the %d reporting hours it moves the realised saving by %.2f points"
                        + " (one standard deviation)%n",
                noise,
                hours.stream().mapToDouble(x -> x[0]).average().orElse(Double.NaN),
                reportingHours,
                100 * noise * Math.sqrt(reportingHours) / predicted);
        return 1 - actual / predicted;
    }

    /**
     * Relative change of the mean hourly use from the baseline to the reporting range (dates as
     * [from, to)).
     */
    private static double rawChangePerHour(
            LocalDate baselineFrom,
            LocalDate baselineTo,
            LocalDate reportingFrom,
            LocalDate reportingTo) {
        double before =
                HourlySeries.meanBetween(
                        usage, aggregation.startOf(baselineFrom), aggregation.startOf(baselineTo));
        double after =
                HourlySeries.meanBetween(
                        usage,
                        aggregation.startOf(reportingFrom),
                        aggregation.startOf(reportingTo));
        return after / before - 1;
    }

    /**
     * The repository's data/eemeter-il-gas, found by walking up from the working directory (the
     * module's, in Maven).
     */
    private static Path sampleDirectory() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("eemeter-il-gas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("data/eemeter-il-gas not found above " + Paths.get("").toAbsolutePath());
    }

    private static DayModel dailyMean(BaselineModel model) {
        return new DegreeDayModel(DegreeDayForm.DAILY_MEAN, model);
    }
}
