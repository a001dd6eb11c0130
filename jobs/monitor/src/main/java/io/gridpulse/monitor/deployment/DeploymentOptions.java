package io.gridpulse.monitor.deployment;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/**
 * How the monitor job finds its own state again: one deployment, one place for its checkpoints and
 * savepoints.
 */
public final class DeploymentOptions {

    /** What a start does with the state a previous run of the same deployment left. */
    public enum Start {
        /**
         * Restore the latest completed checkpoint or savepoint of the deployment; start empty if
         * there is none.
         */
        RESUME,
        /** Ignore earlier state and start empty from the consumer group's committed offsets. */
        FRESH
    }

    public static final ConfigOption<String> NAME =
            key("deployment.name")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Names this deployment of the monitor job (default: kafka.group-id). Its checkpoints and"
                                    + " savepoints live under execution.checkpointing.dir/<name>/, a start resumes from the latest of them,"
                                    + " the job is called 'GridPulse monitor: <name>', and a second job of the same name refuses to start.");

    public static final ConfigOption<Start> START =
            key("deployment.start")
                    .enumType(Start.class)
                    .defaultValue(Start.RESUME)
                    .withDescription(
                            "resume: restore the deployment's latest completed checkpoint or savepoint (the first log"
                                    + " lines say which), or start empty if it has none. fresh: ignore them and start with empty state from"
                                    + " the group's committed Kafka offsets; windows open at that point then hold only what follows.");

    private DeploymentOptions() {}
}
