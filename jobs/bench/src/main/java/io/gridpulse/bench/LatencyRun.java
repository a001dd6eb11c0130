package io.gridpulse.bench;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.monitor.KafkaOptions;
import io.gridpulse.monitor.MonitorJob;
import io.gridpulse.monitor.MonitorPipeline;
import io.gridpulse.monitor.MonitorSettings;
import io.gridpulse.monitor.MonitorSinks;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Latency of the live path at a steady rate: from the moment the reading that closes a quarter hour is appended to
 * Kafka until that quarter's meter aggregates leave the pipeline. (Once anomaly detection exists, the end point
 * becomes the anomaly event on its topic.)
 */
final class LatencyRun {

  record Result(double p50Ms, double p99Ms, int samples, int windows, double rate) {}

  private LatencyRun() {}

  static Result measure(FlinkCluster cluster, BenchData data, String bootstrap, int meters, double rate,
      Duration wallDuration) throws Exception {
    String topic = "bench-latency-" + System.currentTimeMillis();
    try (Admin admin = data.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, BenchData.PARTITIONS, (short) 1)
          .configs(Map.of("retention.ms", "-1")))).all().get();
    }
    Configuration config = cluster.config();
    config.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
    config.set(KafkaOptions.READINGS_TOPIC, topic);
    config.set(KafkaOptions.GROUP_ID, topic);
    MonitorSettings settings = MonitorSettings.from(config);
    PipelineSettings pipeline = settings.pipeline();

    LatencySink.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    MonitorPipeline.build(env, MonitorJob.kafkaSource(settings),
        new MonitorSinks(new LatencySink(), new DiscardingSink<>(), new DiscardingSink<>(),
            new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()), pipeline);
    JobClient job = env.executeAsync("bench latency");
    try {
      waitUntilRunning(job);
      Thread.sleep(2_000); // let the Kafka source find its partitions

      long steps = Math.max(40, (long) (rate * wallDuration.toSeconds() / meters));
      SimulationConfig simulation = SimulationConfig.defaults().withHouseholds(meters)
          .withFeeders(Math.max(4, meters / 50)).withDistricts(4)
          .withDuration(pipeline.readingInterval().multipliedBy(steps)).withMeterTruth(false);
      PacedProducer producer = new PacedProducer(bootstrap, topic, rate);
      try (producer) {
        new Simulation(simulation).run(producer);
      }
      Thread.sleep(3_000); // the last windows close
      return summarise(producer.stepAppendedNanos(), LatencySink.arrivals(), pipeline.outOfOrderness(), rate);
    } finally {
      job.cancel().get();
    }
  }

  private static Result summarise(Map<Long, Long> stepAppended, List<long[]> arrivals, Duration outOfOrderness,
      double rate) {
    TreeMap<Long, Long> steps = new TreeMap<>(stepAppended);
    List<Long> latenciesNanos = new ArrayList<>();
    java.util.Set<Long> windows = new java.util.HashSet<>();
    for (long[] arrival : arrivals) {
      // The window (start, end] fires once every partition has a reading at or after end + out-of-orderness.
      Map.Entry<Long, Long> closing = steps.ceilingEntry(arrival[0] + outOfOrderness.toMillis());
      if (closing == null) {
        continue; // closed by the final flush, not by a reading
      }
      latenciesNanos.add(arrival[1] - closing.getValue());
      windows.add(arrival[0]);
    }
    if (latenciesNanos.isEmpty()) {
      throw new IllegalStateException("no quarter hour closed during the latency run");
    }
    return new Result(Stats.percentile(latenciesNanos, 50) / 1e6, Stats.percentile(latenciesNanos, 99) / 1e6,
        latenciesNanos.size(), windows.size(), rate);
  }

  private static void waitUntilRunning(JobClient job) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (job.getJobStatus().get() != JobStatus.RUNNING) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("latency job did not start");
      }
      Thread.sleep(100);
    }
  }
}
