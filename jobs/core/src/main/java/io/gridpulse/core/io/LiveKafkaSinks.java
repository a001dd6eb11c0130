package io.gridpulse.core.io;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The live job's Kafka sinks: dead letters (late readings apart) and anomaly events. */
public final class LiveKafkaSinks {

    /**
     * Kafka transactions of the exactly-once anomaly sink: the brokers' default {@code
     * transaction.max.timeout.ms} (the connector's own default, 1 h, is refused by a broker with
     * default settings). Must outlast a checkpoint interval plus a restart, or the transaction is
     * aborted and its events lost.
     */
    static final Duration ANOMALY_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private LiveKafkaSinks() {}

    /**
     * Avro single-object encoded {@code DeadLetter}s: late readings to the late topic (valid
     * readings, worth a replay), everything else to the dead-letter topic.
     */
    public static KafkaSink<DeadLetter> deadLetters(KafkaSettings kafka) {
        String deadLetterTopic = kafka.deadLetterTopic();
        String lateTopic = kafka.lateTopic();
        KafkaSinkBuilder<DeadLetter> builder = KafkaSink.<DeadLetter>builder();
        kafka.client().forEach(builder::setProperty);
        return builder.setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<DeadLetter>builder()
                                .setTopicSelector(
                                        deadLetter ->
                                                deadLetter.getReason() == DeadLetterReason.LATE
                                                        ? lateTopic
                                                        : deadLetterTopic)
                                .setValueSerializationSchema(
                                        new AvroSingleObjectSerializer<>(DeadLetter.class))
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /**
     * The anomalies topic: Avro single-object encoded {@code Anomaly} values keyed by anomaly id.
     */
    public static KafkaSink<Anomaly> anomalyEvents(KafkaSettings kafka) {
        KafkaSinkBuilder<Anomaly> builder = KafkaSink.<Anomaly>builder();
        kafka.client().forEach(builder::setProperty);
        builder.setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<Anomaly>builder()
                                .setTopic(kafka.anomaliesTopic())
                                .setKeySerializationSchema(
                                        anomaly ->
                                                anomaly.getAnomalyId()
                                                        .getBytes(StandardCharsets.UTF_8))
                                .setValueSerializationSchema(
                                        new AvroSingleObjectSerializer<>(Anomaly.class))
                                .build())
                .setDeliveryGuarantee(kafka.anomaliesDeliveryGuarantee());
        if (kafka.anomaliesDeliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(kafka.groupId() + "-anomalies")
                    .setProperty(
                            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                            String.valueOf(ANOMALY_TRANSACTION_TIMEOUT.toMillis()));
        }
        return builder.build();
    }
}
