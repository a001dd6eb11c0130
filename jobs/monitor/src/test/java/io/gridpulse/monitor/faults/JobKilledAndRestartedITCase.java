package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.monitor.report.AnomalyTopic;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash as an operator meets it: the monitor job, in its own JVM with the shipped configuration, is killed with
 * SIGKILL in the middle of its input and started again with the same command. It resumes from its deployment's
 * latest checkpoint, so InfluxDB and the anomaly topic end up exactly as after a run without the crash. A second
 * start of a deployment that is running refuses to start.
 */
class JobKilledAndRestartedITCase {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

  private static final String READINGS = "meter-readings";
  private static final List<String> MEASUREMENTS = List.of("meter_energy", "feeder_energy", "district_energy",
      "data_quality", "data_gap", "anomaly");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration WARM_UP = Duration.ofDays(7);

  @TempDir static Path work;

  private static String duplicateOutput;
  private static int duplicateExit;
  private static String restartOutput;
  private static long pointsBeforeKill;

  @BeforeAll
  static void runWithAndWithoutACrash() throws Exception {
    KAFKA.createTopic(READINGS, 2);
    SimulationConfig simulation = SimulationConfig.defaults().withHouseholds(60).withFeeders(4).withDistricts(2)
        .withDuration(Duration.ofDays(10)).withInterval(Duration.ofMinutes(5)).withMeterTruth(false);
    AnomalyInjector anomalies = AnomalyInjector.of(AnomalyConfig.defaults(simulation).withMetersPerType(2)
        .withWarmUp(WARM_UP).requireFitsRun());
    try (KafkaReadingSink kafka = KafkaReadingSink.create(KAFKA.bootstrapServers(), READINGS, "lz4", Map.of())) {
      new Simulation(simulation).run(kafka, anomalies);
    }

    MonitorProcess reference = job("reference").start();
    awaitLogLine(reference, "Deployment 'reference'");
    MonitorProcess duplicate = job("reference");
    duplicateExit = duplicate.start().await(RUN_TIMEOUT);
    duplicateOutput = duplicate.output();
    assertThat(reference.await(RUN_TIMEOUT)).as(reference.output()).isZero();

    INFLUX.createDatabase("crashed");
    MonitorProcess crashing = job("crashed").start();
    pointsBeforeKill = awaitPointsAndANewerCheckpoint(crashing, "crashed");
    crashing.kill();
    MonitorProcess restarted = job("crashed").start();
    assertThat(restarted.await(RUN_TIMEOUT)).as(restarted.output()).isZero();
    restartOutput = restarted.output();
  }

  @Test
  void shouldWriteExactlyThePointsOfARunWithoutTheCrash() {
    assertThat(pointsBeforeKill).as("points written before the kill").isPositive();
    for (String measurement : MEASUREMENTS) {
      List<String> reference = points("reference", measurement);
      List<String> restarted = points("crashed", measurement);
      assertThat(restarted).as(measurement).isNotEmpty().containsExactlyElementsOf(reference);
    }
  }

  @Test
  void shouldSendEveryAnomalyEventOfARunWithoutTheCrash() throws IOException {
    Set<String> reference = events("reference");
    assertThat(reference).hasSizeGreaterThan(4);
    assertThat(events("crashed")).containsExactlyElementsOf(reference);
  }

  @Test
  void shouldSayItResumedFromTheLatestCheckpoint() {
    assertThat(restartOutput).contains("Deployment 'crashed': resuming from the latest checkpoint");
  }

  @Test
  void shouldRefuseASecondInstanceOfARunningDeployment() {
    assertThat(duplicateExit).as(duplicateOutput).isEqualTo(1);
    assertThat(duplicateOutput).contains("deployment 'reference' is already running here");
  }

  private static MonitorProcess job(String name) {
    List<String> options = List.of("--kafka.bootstrap-servers", KAFKA.bootstrapServers(),
        "--kafka.topic.readings", READINGS, "--kafka.group-id", name, "--kafka.bounded", "true",
        "--kafka.topic.dead-letters", name + "-dead-letters", "--kafka.topic.late", name + "-late",
        "--kafka.topic.anomalies", name + "-anomalies",
        "--influx.url", INFLUX.url(), "--influx.database", name,
        "--pipeline.reading-interval", "5min", "--anomaly.warm-up", WARM_UP.toDays() + "d",
        "--execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
        "--execution.checkpointing.interval", "1s", "--execution.checkpointing.min-pause", "0s");
    return new MonitorProcess(options, work.resolve(name + "-" + System.nanoTime() + ".log"));
  }

  private static void awaitLogLine(MonitorProcess job, String line) throws Exception {
    Instant deadline = Instant.now().plus(RUN_TIMEOUT);
    while (!job.output().contains(line)) {
      assertThat(job.alive()).as(job.output()).isTrue();
      assertThat(Instant.now()).as("'" + line + "' in the job's log").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Waits until some points are in InfluxDB and a checkpoint completed after that, so the kill cuts a run. */
  private static long awaitPointsAndANewerCheckpoint(MonitorProcess job, String name) throws Exception {
    Instant deadline = Instant.now().plus(RUN_TIMEOUT);
    long points = 0;
    while (points == 0) {
      assertThat(job.alive()).as("the job ended before it could be killed:\n" + job.output()).isTrue();
      assertThat(Instant.now()).isBefore(deadline);
      points = count(name);
      Thread.sleep(50);
    }
    long seen = Instant.now().toEpochMilli();
    while (latestCheckpoint(name) < seen) {
      assertThat(job.alive()).as("the job ended before it could be killed:\n" + job.output()).isTrue();
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(20);
    }
    return points;
  }

  private static long count(String database) {
    return INFLUX.query(database, "SELECT count(energy_kwh) FROM meter_energy").stream()
        .mapToLong(row -> ((Number) row.get("count")).longValue()).sum();
  }

  private static long latestCheckpoint(String deployment) throws IOException {
    Path checkpoints = work.resolve("checkpoints").resolve(deployment).resolve("checkpoints");
    if (!Files.isDirectory(checkpoints)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(checkpoints, 3)) {
      return files.filter(file -> file.getFileName().toString().equals("_metadata"))
          .mapToLong(file -> file.toFile().lastModified()).max().orElse(0);
    }
  }

  private static List<String> points(String database, String measurement) {
    List<String> points = new ArrayList<>();
    for (Map<String, Object> row : INFLUX.query(database, "SELECT * FROM " + measurement)) {
      Map<String, Object> point = new TreeMap<>(row);
      point.remove("detected_at"); // wall-clock time of the decision
      // Feeder and district sums add the meters' parts in arrival order, which differs between any two runs in the
      // last bit: compare to 12 digits.
      point.replaceAll((field, value) -> value instanceof Double d ? roundTo12Digits(d) : value);
      points.add(point.toString());
    }
    points.sort(Comparator.naturalOrder());
    return points;
  }

  private static double roundTo12Digits(double value) {
    return value == 0 || !Double.isFinite(value) ? value
        : new java.math.BigDecimal(value).round(new java.math.MathContext(12)).doubleValue();
  }

  /** Distinct events without their wall-clock decision time: at-least-once may send one again after a crash. */
  private static Set<String> events(String deployment) throws IOException {
    Set<String> events = new TreeSet<>();
    for (Anomaly event : AnomalyTopic.readAll(KAFKA.bootstrapServers(), deployment + "-anomalies")) {
      events.add(Anomaly.newBuilder(event).setDetectedAt(Instant.EPOCH).build().toString());
    }
    return events;
  }
}
