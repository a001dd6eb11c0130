package io.gridpulse.core.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * Options of the energy pipeline, shared by the monitor and replay jobs. Their keys stay out of
 * Flink's own {@code pipeline.} namespace; the names they had there are still read, and Flink logs
 * a warning naming the new key when one is used.
 */
public final class PipelineOptions {

    public static final ConfigOption<Duration> READING_INTERVAL =
            key("reading.interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDeprecatedKeys("pipeline.reading-interval")
                    .withDescription(
                            "How often meters send a reading; sets the expected sample count behind completeness.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            key("reading.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDeprecatedKeys("pipeline.watermark.out-of-orderness")
                    .withDescription(
                            "How far behind the newest reading of a Kafka partition a reading may arrive and still count"
                                    + " as on time. Larger values tolerate more disorder; windows close that much later.");

    public static final ConfigOption<Duration> IDLE_TIMEOUT =
            key("reading.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDeprecatedKeys("pipeline.watermark.idle-timeout")
                    .withDescription(
                            "A Kafka partition without readings for this long stops holding back the watermark, so"
                                    + " windows still close when some partitions are quiet.");

    public static final ConfigOption<String> TIME_ZONE =
            key("district.default-time-zone")
                    .stringType()
                    .defaultValue("Europe/Helsinki")
                    .withDeprecatedKeys("pipeline.time-zone")
                    .withDescription(
                            "Time zone of the daily windows of districts not listed in district.time-zones.");

    public static final ConfigOption<java.util.Map<String, String>> DISTRICT_TIME_ZONES =
            key("district.time-zones")
                    .mapType()
                    .defaultValue(java.util.Map.of())
                    .withDeprecatedKeys("pipeline.district-time-zones")
                    .withDescription(
                            "Time zone per district for its daily windows, e.g. 'D01:Europe/Helsinki,D02:Europe/Stockholm'.");

    public static final ConfigOption<Duration> METER_RETENTION =
            key("meter.retention")
                    .durationType()
                    .defaultValue(Duration.ofDays(35))
                    .withDescription(
                            "A meter that sends nothing for this long (event time) is forgotten: its register"
                                    + " chain, anomaly profile and place in its feeder are dropped, so retired and"
                                    + " swapped meter ids do not stay in state for ever. Its silence was reported long"
                                    + " before (METER_SILENT or part of a FEEDER_OUTAGE) and stays open. A meter heard"
                                    + " again after that starts afresh: its profile learns again and the gap is not in"
                                    + " data_gap. Must exceed vee.allowed-lateness, vee.max-gap and"
                                    + " anomaly.silent-after + anomaly.outage.grace.");

    private PipelineOptions() {}
}
