package io.gridpulse.monitor;

import io.gridpulse.core.savings.live.SavingsDay;
import io.gridpulse.core.savings.live.SavingsSettings;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.WeatherObservation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.types.Either;

/**
 * What the live savings need besides the readings, and where they go: the districts' weather and
 * the meters' baseline models (production: Kafka topics; tests: bounded sources), and the savings
 * sink (InfluxDB).
 */
public record SavingsFeeds(
        Source<Either<DeadLetter, WeatherObservation>, ?, ?> weather,
        Source<Either<DeadLetter, BaselineModel>, ?, ?> models,
        Sink<SavingsDay> savings,
        SavingsSettings settings) {}
