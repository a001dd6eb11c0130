package io.gridpulse.core.savings.live;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/**
 * Options of the live savings ({@code savings.*}); savings are computed only when a programme start
 * is set.
 */
public final class SavingsOptions {

    public static final ConfigOption<String> REPORTING_START =
            key("savings.reporting-start")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "First local day of the savings programme (yyyy-MM-dd). Live savings are on when it is set.");

    public static final ConfigOption<String> REPORTING_END =
            key("savings.reporting-end")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Last local day of the programme (yyyy-MM-dd); one year after the start when not set.");

    public static final ConfigOption<Double> TARGET =
            key("savings.target")
                    .doubleType()
                    .defaultValue(0.15)
                    .withDescription(
                            "The reduction every district aims at, as a fraction of its weather-normalised baseline.");

    public static final ConfigOption<String> DISTRICT_TARGETS =
            key("savings.district-targets")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Districts whose target differs from savings.target, e.g. D01=0.20,D02=0.10.");

    public static final ConfigOption<String> FUEL =
            key("savings.fuel")
                    .stringType()
                    .defaultValue("electricity")
                    .withDescription(
                            "electricity (a day of zero use counts as missing, as in CalTRACK) or gas.");

    public static final ConfigOption<Integer> PROJECTION_DAYS =
            key("savings.projection-days")
                    .intType()
                    .defaultValue(28)
                    .withDescription(
                            "The projection to the programme's end assumes the pace of this many latest days.");

    private SavingsOptions() {}
}
