package io.gridpulse.monitor;

import io.gridpulse.core.influx.AnomalyPoints;
import io.gridpulse.core.influx.EnergyPoints;
import io.gridpulse.core.influx.InfluxAccessException;
import io.gridpulse.core.influx.InfluxSink;
import io.gridpulse.core.influx.QualityPoints;
import io.gridpulse.core.influx.SavingsPoints;
import io.gridpulse.core.io.AvroRecordKafkaDeserializer;
import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.core.io.KafkaCredentialsCheck;
import io.gridpulse.core.io.MeterReadingKafkaDeserializer;
import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.core.pipeline.SavingsInputs;
import io.gridpulse.core.pipeline.SecretOptions;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.savings.live.SavingsDay;
import io.gridpulse.monitor.deployment.Deployment;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.ParameterTool;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time job: meter readings from Kafka, energy aggregates to InfluxDB, dead letters back to
 * Kafka, anomalies to both.
 *
 * <p>Options come from the Flink configuration ({@code config.yaml} in {@code FLINK_CONF_DIR})
 * overridden by {@code --key value} arguments, e.g. {@code --kafka.bootstrap-servers host:9092
 * --influx.url http://host:8086}.
 */
public final class MonitorJob {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorJob.class);

    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * Kafka transactions of the exactly-once anomaly sink: the brokers' default {@code
     * transaction.max.timeout.ms} (the connector's own default, 1 h, is refused by a broker with
     * default settings). Must outlast a checkpoint interval plus a restart, or the transaction is
     * aborted and its events lost.
     */
    static final Duration ANOMALY_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    /** How long the start waits for the brokers to accept or refuse the job's credentials. */
    static final Duration KAFKA_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private MonitorJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = GlobalConfiguration.loadConfiguration();
        Configuration arguments = ParameterTool.fromArgs(args).getConfiguration();
        List<String> secrets = SecretOptions.among(arguments.keySet());
        if (!secrets.isEmpty()) {
            System.err.println(
                    "monitor: --"
                            + String.join(", --", secrets)
                            + " on the command line is visible to every"
                            + " user (ps) and in logs: set it in config.yaml, in a file (influx.password-file, kafka.properties-file)"
                            + " or, for the InfluxDB password, in INFLUX_PASSWORD; nothing was started.");
            System.exit(2);
        }
        config.addAll(arguments);
        List<String> unknown = JobOptions.unknown(config.keySet());
        if (!unknown.isEmpty()) {
            System.err.println(
                    "monitor: unknown option(s) "
                            + String.join(", ", unknown)
                            + ": not options of this job"
                            + " (see docs/configuration.md); nothing was started.");
            System.exit(2);
        }
        MonitorSettings settings;
        try {
            settings = MonitorSettings.from(config);
        } catch (IllegalConfigurationException e) {
            System.err.println("monitor: " + e.getMessage() + "; nothing was started.");
            System.exit(2);
            return;
        }
        Optional<String> kafkaRefusal =
                KafkaCredentialsCheck.refusal(
                        settings.bootstrapServers(), settings.kafkaClient(), KAFKA_CHECK_TIMEOUT);
        if (kafkaRefusal.isPresent()) {
            System.err.println("monitor: " + kafkaRefusal.get() + "; nothing was started.");
            System.exit(1);
        }
        Deployment deployment = Deployment.of(config);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        Optional<String> conflict =
                deployment.conflict(env instanceof LocalStreamEnvironment, env.getConfiguration());
        if (conflict.isPresent()) {
            System.err.println(
                    "monitor: "
                            + conflict.get()
                            + "; stop it first (scripts/stop-monitor) or give this one"
                            + " another --deployment.name; nothing was started.");
            System.exit(1);
        }
        Deployment.Start start = deployment.prepare(config);
        LOG.info("Deployment '{}': {}", deployment.name(), start.description());
        env.configure(start.settings());
        if (!config.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            // Without checkpoints the sink would only flush at batch size and a restart would
            // replay from scratch.
            env.enableCheckpointing(DEFAULT_CHECKPOINT_INTERVAL.toMillis());
        }
        Workflow.define(
                env,
                kafkaSource(settings),
                productionSinks(settings),
                settings.pipeline(),
                productionSavings(settings));
        try {
            env.execute(deployment.jobName());
        } catch (Exception e) {
            // A credential or permission mistake: one line for the operator, not a stack trace, and
            // a failed exit.
            InfluxAccessException refused =
                    ExceptionUtils.findThrowable(e, InfluxAccessException.class)
                            .orElseThrow(() -> e);
            System.err.println("monitor: " + refused.getMessage());
            System.exit(1);
        }
    }

    /** Live savings' weather and baseline-model topics, or null when savings are off. */
    public static SavingsInputs productionSavings(MonitorSettings settings) {
        return settings.savings()
                .map(
                        programme ->
                                new SavingsInputs(
                                        recordSource(
                                                settings,
                                                settings.weatherTopic(),
                                                new AvroRecordKafkaDeserializer<>(
                                                        WeatherObservation.class,
                                                        WeatherObservation::getDecoder),
                                                OffsetsInitializer.committedOffsets(
                                                        OffsetResetStrategy.EARLIEST)),
                                        // A compacted topic: every start reads all the models, the
                                        // newest per meter last.
                                        recordSource(
                                                settings,
                                                settings.baselineModelsTopic(),
                                                new AvroRecordKafkaDeserializer<>(
                                                        BaselineModel.class,
                                                        BaselineModel::getDecoder),
                                                OffsetsInitializer.earliest()),
                                        programme))
                .orElse(null);
    }

    private static <T> Source<T, ?, ?> recordSource(
            MonitorSettings settings,
            String topic,
            KafkaRecordDeserializationSchema<T> deserializer,
            OffsetsInitializer start) {
        KafkaSourceBuilder<T> builder = KafkaSource.<T>builder();
        settings.kafkaClient().forEach(builder::setProperty);
        builder.setBootstrapServers(settings.bootstrapServers())
                .setTopics(topic)
                .setGroupId(settings.groupId())
                .setStartingOffsets(start)
                .setDeserializer(deserializer)
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (settings.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
            return new RestorableBoundedKafkaSource<>(builder.build());
        }
        return builder.build();
    }

    public static Source<Either<DeadLetter, MeterReading>, ?, ?> kafkaSource(
            MonitorSettings settings) {
        return recordSource(
                settings,
                settings.readingsTopic(),
                new MeterReadingKafkaDeserializer(settings.rules()),
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }

    /** InfluxDB for every result, Kafka for dead letters and anomaly events. */
    public static Outputs productionSinks(MonitorSettings settings) {
        String deadLetterTopic = settings.deadLetterTopic();
        String lateTopic = settings.lateTopic();
        KafkaSinkBuilder<DeadLetter> deadLetterSink = KafkaSink.<DeadLetter>builder();
        settings.kafkaClient().forEach(deadLetterSink::setProperty);
        KafkaSink<DeadLetter> deadLetters =
                deadLetterSink
                        .setBootstrapServers(settings.bootstrapServers())
                        .setRecordSerializer(
                                KafkaRecordSerializationSchema.<DeadLetter>builder()
                                        .setTopicSelector(
                                                deadLetter ->
                                                        deadLetter.getReason()
                                                                        == DeadLetterReason.LATE
                                                                ? lateTopic
                                                                : deadLetterTopic)
                                        .setValueSerializationSchema(
                                                new AvroSingleObjectSerializer<>(DeadLetter.class))
                                        .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        return Outputs.builder()
                .meterAggregates(
                        new InfluxSink<MeterAggregate>(settings.influx(), EnergyPoints::meter))
                .groupAggregates(
                        new InfluxSink<GroupAggregate>(settings.influx(), EnergyPoints::group))
                .deadLetters(deadLetters)
                .dataQuality(new InfluxSink<QualityEvent>(settings.influx(), QualityPoints::of))
                .gaps(new InfluxSink<MeterGap>(settings.influx(), QualityPoints::gap))
                .anomalies(new InfluxSink<Anomaly>(settings.influx(), AnomalyPoints::of))
                .anomalyEvents(anomalyEvents(settings))
                .savings(new InfluxSink<SavingsDay>(settings.influx(), SavingsPoints::of))
                .build();
    }

    /**
     * The anomalies topic: Avro single-object encoded {@code Anomaly} values keyed by anomaly id.
     */
    static KafkaSink<Anomaly> anomalyEvents(MonitorSettings settings) {
        KafkaSinkBuilder<Anomaly> builder = KafkaSink.<Anomaly>builder();
        settings.kafkaClient().forEach(builder::setProperty);
        builder.setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<Anomaly>builder()
                                .setTopic(settings.anomaliesTopic())
                                .setKeySerializationSchema(
                                        anomaly ->
                                                anomaly.getAnomalyId()
                                                        .getBytes(StandardCharsets.UTF_8))
                                .setValueSerializationSchema(
                                        new AvroSingleObjectSerializer<>(Anomaly.class))
                                .build())
                .setDeliveryGuarantee(settings.anomaliesDeliveryGuarantee());
        if (settings.anomaliesDeliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(settings.groupId() + "-anomalies")
                    .setProperty(
                            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                            String.valueOf(ANOMALY_TRANSACTION_TIMEOUT.toMillis()));
        }
        return builder.build();
    }
}
