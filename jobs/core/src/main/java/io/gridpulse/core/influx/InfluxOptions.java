package io.gridpulse.core.influx;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Options of the InfluxDB sink. */
public final class InfluxOptions {

    public static final ConfigOption<String> URL =
            key("influx.url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:8086")
                    .withDescription("HTTP address of the InfluxDB 1.x server.");

    public static final ConfigOption<String> DATABASE =
            key("influx.database")
                    .stringType()
                    .defaultValue("gridpulse")
                    .withDescription("Database to write to; created if missing.");

    public static final ConfigOption<String> USERNAME =
            key("influx.username")
                    .stringType()
                    .defaultValue("")
                    .withDescription("User name, empty when authentication is off.");

    public static final ConfigOption<String> PASSWORD =
            key("influx.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Password, empty when authentication is off. Not on the command line (ps shows it): put it"
                                    + " in config.yaml, in influx.password-file, or in the environment variable INFLUX_PASSWORD.");

    public static final ConfigOption<String> PASSWORD_FILE =
            key("influx.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A file whose content (trimmed) is the password, when influx.password is not set.");

    /** The environment variable read for the password when neither option is set. */
    public static final String PASSWORD_ENV = "INFLUX_PASSWORD";

    public static final ConfigOption<Integer> BATCH_SIZE =
            key("influx.batch-size")
                    .intType()
                    .defaultValue(5000)
                    .withDescription(
                            "Points per HTTP write. Buffered points are also written at every checkpoint.");

    public static final ConfigOption<Duration> FLUSH_INTERVAL =
            key("influx.flush-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Longest a point waits in the buffer: a batch smaller than influx.batch-size is"
                                    + " written after this long, so an anomaly or a district's quarter hour reaches"
                                    + " the dashboards within about this time at any load. 0: only full batches and"
                                    + " checkpoints write.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            key("influx.retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription(
                            "First wait before retrying a failed write; doubles per attempt.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            key("influx.retry.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Longest wait between retries. Writes are retried until they succeed: while InfluxDB is"
                                    + " down the job slows down (back-pressure) instead of losing points.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            key("influx.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("Connect, read and write timeout of one HTTP request.");

    private InfluxOptions() {}
}
