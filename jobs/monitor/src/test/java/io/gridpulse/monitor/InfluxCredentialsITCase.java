package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.influx.InfluxAccessException;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credential mistakes against a real influxd with authentication on: a wrong password fails the job
 * once, with one clear reason, instead of restarting it for ever; a user who may write to the
 * database but not create it (not an admin) writes all the same.
 */
class InfluxCredentialsITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer("admin", "admin-secret");

    private static final String READINGS = "meter-readings";
    private static final int HOUSEHOLDS = 12;
    private static final int HOURS = 2;

    @BeforeAll
    static void produceReadings() {
        KAFKA.createTopic(READINGS, 2);
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(HOUSEHOLDS)
                        .withDistricts(1)
                        .withFeeders(2)
                        .withDuration(Duration.ofHours(HOURS))
                        .withInterval(Duration.ofMinutes(5));
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(KAFKA.bootstrapServers(), READINGS, "lz4", Map.of())) {
            new Simulation(config).run(sink);
        }
    }

    @Test
    void shouldFailOnceWithAClearReasonWhenThePasswordIsWrong() throws Exception {
        INFLUX.createDatabase("gridpulse_wrong_password");
        // Restarts every 100 ms for 1,000 attempts if the failure counted as recoverable: the
        // minute below would end
        // first.
        JobClient job =
                startJob("wrong-password", "gridpulse_wrong_password", "admin", "not-the-password");

        Throwable failure = failureWithin(job, Duration.ofSeconds(60));

        InfluxAccessException refused =
                ExceptionUtils.findThrowable(failure, InfluxAccessException.class)
                        .orElseThrow(() -> new AssertionError("not an access failure", failure));
        assertThat(refused.getMessage())
                .contains("refused user 'admin'", "authorization failed", "influx.username");
        // What Flink logs of the failure, every cause and stack frame, never carries the password.
        assertThat(ExceptionUtils.stringifyException(failure)).doesNotContain("not-the-password");
    }

    @Test
    void shouldWriteAsAUserWhoMayWriteButNotCreateTheDatabase() throws Exception {
        String database = "gridpulse_writer";
        INFLUX.createDatabase(database);
        INFLUX.query(null, "CREATE USER \"writer\" WITH PASSWORD 'writer-secret'");
        INFLUX.query(null, "GRANT WRITE ON \"" + database + "\" TO \"writer\"");

        JobClient job = startJob("writer", database, "writer", "writer-secret");
        job.getJobExecutionResult().get(120, TimeUnit.SECONDS);

        Number hours =
                (Number)
                        INFLUX.query(
                                        database,
                                        "SELECT count(energy_kwh) FROM meter_energy WHERE \"window\" = '1h'")
                                .get(0)
                                .get("count");
        // Each meter's hours, and the hour before the start that its first reading's interval
        // reaches into.
        assertThat(hours.intValue()).isEqualTo(HOUSEHOLDS * (HOURS + 1));
    }

    /**
     * The monitor job over the topic as {@code user}, restarting every 100 ms for 1,000 attempts if
     * it fails.
     */
    private static JobClient startJob(String group, String database, String user, String password)
            throws Exception {
        Configuration options = new Configuration();
        options.set(InfluxOptions.USERNAME, user);
        options.set(InfluxOptions.PASSWORD, password);
        Configuration cluster = new Configuration();
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1_000);
        cluster.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        return BoundedMonitorRun.start(KAFKA, INFLUX, database, group, options, cluster);
    }

    private static Throwable failureWithin(JobClient job, Duration patience) throws Exception {
        try {
            job.getJobExecutionResult().get(patience.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the job succeeded with a wrong password");
    }
}
