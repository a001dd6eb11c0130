package io.gridpulse.core.pipeline;

import io.gridpulse.core.io.AvroRecordKafkaDeserializer;
import io.gridpulse.core.io.KafkaSettings;
import io.gridpulse.core.io.LiveKafkaSources;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The live job's inputs: Kafka topics. The monitor job and the benchmark both take them from here,
 * so the benchmark reads what production reads.
 */
public final class ProductionInputs {

    private ProductionInputs() {}

    /** The readings topic. */
    public static Source<Either<DeadLetter, MeterReading>, ?, ?> readings(LiveSettings settings) {
        return LiveKafkaSources.readings(settings.kafka(), settings.rules());
    }

    /** The weather topic, or null when the job does not read it ({@link LiveSettings#weather}). */
    public static Source<Either<DeadLetter, WeatherObservation>, ?, ?> weather(
            LiveSettings settings) {
        if (!settings.weather()) {
            return null;
        }
        KafkaSettings kafka = settings.kafka();
        return LiveKafkaSources.records(
                kafka,
                kafka.weatherTopic(),
                new AvroRecordKafkaDeserializer<>(
                        WeatherObservation.class, WeatherObservation::getDecoder),
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }

    /** Live savings' baseline-model topic and programme, or null when savings are off. */
    public static SavingsInputs savings(LiveSettings settings) {
        KafkaSettings kafka = settings.kafka();
        return settings.savings()
                .map(
                        programme ->
                                new SavingsInputs(
                                        // A compacted topic: every start reads all the models, the
                                        // newest per meter last.
                                        LiveKafkaSources.records(
                                                kafka,
                                                kafka.baselineModelsTopic(),
                                                new AvroRecordKafkaDeserializer<>(
                                                        BaselineModel.class,
                                                        BaselineModel::getDecoder),
                                                OffsetsInitializer.earliest()),
                                        programme))
                .orElse(null);
    }
}
