package io.gridpulse.replay.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.replay.ReplayJob;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.BaselineModelKind;
import io.gridpulse.testkit.EmbeddedKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The analyst's path end to end on OpenEEmeter's synthetic gas meter with known savings
 * (data/eemeter-il-gas): the README's replay command writes the result files, the savings command
 * fits the CalTRACK daily baseline and finds the generator's 60 °F balance point and its 10%
 * savings (within one point) under the reporting period's weather, where the raw totals show about
 * 2.6%.
 */
class EemeterSavingsITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    private static final String TOPIC = "baseline-models";

    @TempDir Path work;

    @Test
    void shouldFindTheBalancePointAndTheTenPercent() throws Exception {
        Path data = repository().resolve("data/eemeter-il-gas");
        Path mappings = repository().resolve("examples/mappings");
        int replayed =
                new CommandLine(new ReplayJob())
                        .execute(
                                "--csv",
                                data.resolve("il-gas-hdd-only-hourly.csv.gz").toString(),
                                "--mapping",
                                mappings.resolve("eemeter-hourly-gas.mapping").toString(),
                                "--weather",
                                data.resolve("il-tempF.csv.gz").toString(),
                                "--weather-mapping",
                                mappings.resolve("eemeter-temperature-f.mapping").toString(),
                                "--set",
                                "district.default-time-zone=America/Chicago",
                                "--set",
                                "vee.max-power-w=200000",
                                "--write",
                                "files",
                                "--output",
                                work.toString(),
                                "--quiet");
        int reported =
                new CommandLine(new SavingsReport())
                        .execute(
                                "--results",
                                work.toString(),
                                "--baseline-end",
                                "2016-12-25",
                                "--reporting-start",
                                "2017-01-05",
                                "--time-zone",
                                "America/Chicago",
                                "--fuel",
                                "gas",
                                "--target",
                                "0.10",
                                "--kafka-topic",
                                TOPIC,
                                "--kafka-bootstrap",
                                KAFKA.bootstrapServers());

        assertThat(replayed).isZero();
        assertThat(reported).isZero();
        List<String> rows = Files.readAllLines(work.resolve("savings.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        String[] meter =
                rows.stream()
                        .filter(r -> r.startsWith("meter,il-gas,"))
                        .findFirst()
                        .orElseThrow()
                        .split(",");
        assertThat(meter[header.indexOf("model")]).isEqualTo("HEATING_ONLY");
        assertThat(Double.parseDouble(meter[header.indexOf("heating_balance_point_f")]))
                .isCloseTo(60.0, within(3.0));
        // The sample's savings are 10%; the estimate must hold it within the uncertainty it states
        double savings = Double.parseDouble(meter[header.indexOf("savings_fraction")]);
        double uncertainty =
                Double.parseDouble(meter[header.indexOf("uncertainty")])
                        / Double.parseDouble(meter[header.indexOf("predicted")]);
        assertThat(savings).isCloseTo(0.10, within(uncertainty));
        assertThat(meter[header.indexOf("method")]).isIn("DAILY_MEAN", "HOURLY", "TIME_OF_WEEK");
        assertThat(Double.parseDouble(meter[header.indexOf("held_out_cv_rmse")])).isPositive();
        assertThat(meter[header.indexOf("other_method")])
                .isIn("DAILY_MEAN", "HOURLY", "TIME_OF_WEEK");
        assertThat(Double.parseDouble(meter[header.indexOf("fsu")])).isPositive();
        try (DataFileReader<BaselineModel> models =
                new DataFileReader<>(
                        work.resolve("baseline_models.avro").toFile(),
                        new SpecificDatumReader<>(BaselineModel.class))) {
            BaselineModel model = models.next();
            assertThat(model.getMeterId()).isEqualTo("il-gas");
            assertThat(model.getKind()).isEqualTo(BaselineModelKind.HEATING_ONLY);
            assertThat(model.getHeatingBalancePointF()).isCloseTo(60.0, within(3.0));
            assertThat(model.getSufficient()).isTrue();
            assertThat(model.getBaselineEnd()).isEqualTo(java.time.LocalDate.of(2016, 12, 25));
            assertThat(models.hasNext()).isFalse();
        }
        java.awt.image.BufferedImage chart =
                javax.imageio.ImageIO.read(work.resolve("savings-chart.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(SavingsChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(SavingsChart.HEIGHT);
        assertThat(compactedTopicModels())
                .singleElement()
                .satisfies(
                        model -> {
                            assertThat(model.getMeterId()).isEqualTo("il-gas");
                            assertThat(model.getHeatingBalancePointF())
                                    .isCloseTo(60.0, within(3.0));
                        });
        assertThat(Files.readAllLines(work.resolve("savings-summary.txt")))
                .anyMatch(line -> line.startsWith("District il: 1") && line.contains("on track"));
    }

    /** The models on the topic, after checking that the topic is compacted. */
    private static List<BaselineModel> compactedTopicModels() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            assertThat(
                            admin.describeConfigs(List.of(topic))
                                    .all()
                                    .get()
                                    .get(topic)
                                    .get("cleanup.policy")
                                    .value())
                    .isEqualTo("compact");
        }
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "savings-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<BaselineModel> models = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            for (int poll = 0; poll < 20 && models.isEmpty(); poll++) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    assertThat(new String(record.key(), StandardCharsets.UTF_8))
                            .isEqualTo("il-gas");
                    models.add(BaselineModel.fromByteBuffer(ByteBuffer.wrap(record.value())));
                }
            }
        }
        return models;
    }

    /** The repository root, found by walking up from the module's working directory. */
    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/eemeter-il-gas"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "data/eemeter-il-gas not found above " + Path.of("").toAbsolutePath());
    }
}
