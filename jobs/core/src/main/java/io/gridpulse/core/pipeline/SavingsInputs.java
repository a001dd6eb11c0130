package io.gridpulse.core.pipeline;

import io.gridpulse.core.savings.live.SavingsSettings;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DeadLetter;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.types.Either;

/**
 * What live savings need besides the readings and the weather: the meters' baseline models
 * (production: a Kafka topic; tests: a bounded source), and the programme's settings. The savings
 * themselves go to {@link Outputs.Builder#savings}.
 */
public record SavingsInputs(
        Source<Either<DeadLetter, BaselineModel>, ?, ?> models, SavingsSettings settings) {}
