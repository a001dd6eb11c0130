package io.gridpulse.core.io;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Options for the monitor job's Kafka source and its dead-letter, late and anomaly topics. */
public final class KafkaOptions {

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription(
                            "Kafka brokers to read readings from and write dead letters and anomalies to.");

    public static final ConfigOption<String> READINGS_TOPIC =
            key("kafka.topic.readings")
                    .stringType()
                    .defaultValue("meter-readings")
                    .withDescription("Topic of Avro single-object encoded MeterReading values.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            key("kafka.topic.dead-letters")
                    .stringType()
                    .defaultValue("dead-letters")
                    .withDescription(
                            "Topic that receives every record the job could not use, as an Avro DeadLetter.");

    public static final ConfigOption<String> LATE_TOPIC =
            key("kafka.topic.late")
                    .stringType()
                    .defaultValue("late-readings")
                    .withDescription(
                            "Topic that receives readings that arrived later than vee.allowed-lateness, as Avro"
                                    + " DeadLetters with reason LATE (kept apart: they are valid readings that may be worth a replay).");

    public static final ConfigOption<String> WEATHER_TOPIC =
            key("kafka.topic.weather")
                    .stringType()
                    .defaultValue("weather")
                    .withDescription(
                            "Topic of the districts' outdoor temperature observations (Avro single-object encoded"
                                    + " WeatherObservation), read when live savings are on (savings.reporting-start) or when this"
                                    + " option is set: the anomaly detectors then expect each quarter hour's use at its temperature.");

    public static final ConfigOption<String> BASELINE_MODELS_TOPIC =
            key("kafka.topic.baseline-models")
                    .stringType()
                    .defaultValue("baseline-models")
                    .withDescription(
                            "Compacted topic of the meters' baseline models (Avro single-object encoded BaselineModel,"
                                    + " keyed by meter id), as scripts/savings --kafka-topic publishes them; read from its start when live"
                                    + " savings are on.");

    public static final ConfigOption<String> ANOMALIES_TOPIC =
            key("kafka.topic.anomalies")
                    .stringType()
                    .defaultValue("anomalies")
                    .withDescription(
                            "Topic that receives every anomaly event (OPEN, then RESOLVED with the same anomalyId) as an"
                                    + " Avro single-object encoded Anomaly, keyed by its anomalyId.");

    public static final ConfigOption<DeliveryGuarantee> ANOMALIES_DELIVERY_GUARANTEE =
            key("kafka.anomalies.delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
                    .withDescription(
                            "at-least-once or exactly-once. at-least-once may repeat an event after a crash (the"
                                    + " events since the last checkpoint are sent again), with the same anomalyId: consumers treat equal"
                                    + " ids as the same anomaly, and the InfluxDB point is overwritten with the same values. exactly-once"
                                    + " writes in Kafka transactions committed on checkpoints (transactional id prefix: kafka.group-id"
                                    + " + '-anomalies', so give each job its own group id; transaction timeout 15 min, the brokers'"
                                    + " default maximum): consumers must read with isolation.level=read_committed and then see events"
                                    + " only after the checkpoint that commits them.");

    public static final ConfigOption<String> GROUP_ID =
            key("kafka.group-id")
                    .stringType()
                    .defaultValue("gridpulse-monitor")
                    .withDescription(
                            "Consumer group; offsets are committed on checkpoints, for monitoring only. Flink restores"
                                    + " positions from its own checkpoints.");

    public static final ConfigOption<Boolean> BOUNDED =
            key("kafka.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Stop at the offsets that were latest when the job started, then fire all windows and end."
                                    + " For demos, tests and backfills; a live job leaves it false.");

    private KafkaOptions() {}
}
