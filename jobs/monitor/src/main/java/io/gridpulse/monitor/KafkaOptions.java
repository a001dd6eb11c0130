package io.gridpulse.monitor;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** Options for the monitor job's Kafka source and dead-letter topic. */
public final class KafkaOptions {

  public static final ConfigOption<String> BOOTSTRAP_SERVERS = key("kafka.bootstrap-servers")
      .stringType()
      .defaultValue("127.0.0.1:9092")
      .withDescription("Kafka brokers to read readings from and write dead letters to.");

  public static final ConfigOption<String> READINGS_TOPIC = key("kafka.topic.readings")
      .stringType()
      .defaultValue("meter-readings")
      .withDescription("Topic of Avro single-object encoded MeterReading values.");

  public static final ConfigOption<String> DEAD_LETTER_TOPIC = key("kafka.topic.dead-letters")
      .stringType()
      .defaultValue("dead-letters")
      .withDescription("Topic that receives every record the job could not use, as an Avro DeadLetter.");

  public static final ConfigOption<String> LATE_TOPIC = key("kafka.topic.late")
      .stringType()
      .defaultValue("late-readings")
      .withDescription("Topic that receives readings that arrived later than vee.allowed-lateness, as Avro"
          + " DeadLetters with reason LATE (kept apart: they are valid readings that may be worth a replay).");

  public static final ConfigOption<String> GROUP_ID = key("kafka.group-id")
      .stringType()
      .defaultValue("gridpulse-monitor")
      .withDescription("Consumer group; offsets are committed on checkpoints, for monitoring only. Flink restores"
          + " positions from its own checkpoints.");

  public static final ConfigOption<Boolean> BOUNDED = key("kafka.bounded")
      .booleanType()
      .defaultValue(false)
      .withDescription("Stop at the offsets that were latest when the job started, then fire all windows and end."
          + " For demos, tests and backfills; a live job leaves it false.");

  private KafkaOptions() {}
}
