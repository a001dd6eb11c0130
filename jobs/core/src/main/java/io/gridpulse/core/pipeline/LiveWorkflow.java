package io.gridpulse.core.pipeline;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The monitor job's dataflow: the {@link Workflow} between the production inputs (Kafka: readings,
 * and the weather and baseline models as {@link LiveSettings} turn them on) and the production
 * outputs (InfluxDB and Kafka). The job and the tests that run it against real services define it
 * here, so they cannot wire it differently.
 */
public final class LiveWorkflow {

    private LiveWorkflow() {}

    public static void define(StreamExecutionEnvironment env, LiveSettings settings) {
        Workflow.define(
                env,
                ProductionInputs.readings(settings),
                ProductionInputs.weather(settings),
                ProductionOutputs.of(settings),
                settings.pipeline(),
                ProductionInputs.savings(settings));
    }
}
