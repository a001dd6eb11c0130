package io.gridpulse.monitor;

import io.gridpulse.core.influx.InfluxAccessException;
import io.gridpulse.core.io.KafkaCredentialsCheck;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.LiveWorkflow;
import io.gridpulse.core.pipeline.SecretOptions;
import io.gridpulse.monitor.deployment.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.ParameterTool;
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
        LiveSettings settings;
        try {
            settings = LiveSettings.from(config);
        } catch (IllegalConfigurationException e) {
            System.err.println("monitor: " + e.getMessage() + "; nothing was started.");
            System.exit(2);
            return;
        }
        Optional<String> kafkaRefusal =
                KafkaCredentialsCheck.refusal(
                        settings.kafka().bootstrapServers(),
                        settings.kafka().client(),
                        KAFKA_CHECK_TIMEOUT);
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
        LiveWorkflow.define(env, settings);
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
}
