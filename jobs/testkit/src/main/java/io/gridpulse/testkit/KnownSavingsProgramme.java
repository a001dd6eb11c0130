package io.gridpulse.testkit;

import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.BaselineModelKind;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A savings programme whose outcome is known exactly, for live-savings tests: four households (m3
 * without a baseline model) whose hourly use, each day of the programme, is their baseline model's
 * prediction for the day's temperature minus {@link #REDUCTION}; the districts' hourly
 * temperatures; the meters' models. Times are UTC days from {@link #START}; readings are hourly.
 */
public final class KnownSavingsProgramme {

    public static final LocalDate START = LocalDate.of(2026, 3, 2);
    public static final int DAYS = 10;
    public static final double REDUCTION = 0.15;

    /** meter, feeder, district; m3 has no model. */
    public static final List<String[]> METERS =
            List.of(
                    new String[] {"m1", "F1", "D01"}, new String[] {"m2", "F2", "D01"},
                    new String[] {"m3", "F2", "D01"}, new String[] {"m4", "F3", "D02"});

    public static final String WITHOUT_MODEL = "m3";

    /** The Kafka topics the programme is produced to. */
    public record Topics(String readings, String weather, String baselineModels) {}

    private KnownSavingsProgramme() {}

    /**
     * The programme's days get colder, then milder: 30..48 °F, all below the 60 °F balance point.
     */
    public static double temperatureF(int day) {
        return 30 + 2 * day;
    }

    /** The baseline models' prediction: 10 kWh a day plus 2 kWh per heating degree day (60 °F). */
    public static double baselineDailyKwh(double temperatureF) {
        return 10 + 2 * Math.max(0, 60 - temperatureF);
    }

    public static Instant dayStart(int day) {
        return START.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Produces the models, then the readings and the weather, each in time order as a feed delivers
     * them.
     */
    public static void produce(String bootstrapServers, Topics topics)
            throws IOException, InterruptedException, ExecutionException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String[] meter : METERS) {
                if (!meter[0].equals(WITHOUT_MODEL)) {
                    send(producer, topics.baselineModels(), meter[0], model(meter).toByteBuffer());
                }
            }
            double registerWh = 1_000_000;
            for (String[] meter : METERS) {
                send(
                        producer,
                        topics.readings(),
                        meter[0],
                        reading(meter, dayStart(0), registerWh, 0).toByteBuffer());
            }
            for (int d = 0; d < DAYS; d++) {
                double hourlyWh = baselineDailyKwh(temperatureF(d)) * (1 - REDUCTION) * 1000 / 24;
                for (int h = 1; h <= 24; h++) {
                    registerWh += hourlyWh;
                    Instant time = dayStart(d).plus(Duration.ofHours(h));
                    for (String[] meter : METERS) {
                        send(
                                producer,
                                topics.readings(),
                                meter[0],
                                reading(meter, time, registerWh, hourlyWh).toByteBuffer());
                    }
                }
            }
            for (int d = 0; d < DAYS + 1; d++) {
                for (int h = 0; h < 24; h++) {
                    Instant time = dayStart(d).plus(Duration.ofHours(h));
                    for (String district : List.of("D01", "D02")) {
                        double celsius = (temperatureF(d) - 32) * 5 / 9;
                        send(
                                producer,
                                topics.weather(),
                                district,
                                WeatherObservation.newBuilder()
                                        .setDistrictId(district)
                                        .setTime(time)
                                        .setTemperatureC(celsius)
                                        .build()
                                        .toByteBuffer());
                    }
                }
            }
        }
    }

    private static BaselineModel model(String[] meter) {
        return BaselineModel.newBuilder()
                .setMeterId(meter[0])
                .setFeederId(meter[1])
                .setDistrictId(meter[2])
                .setKind(BaselineModelKind.HEATING_ONLY)
                .setUnit("kWh")
                .setIntercept(10.0)
                .setHeatingCoefficient(2.0)
                .setHeatingBalancePointF(60.0)
                .setAdjustedRSquared(0.9)
                .setCvRmse(0.1)
                .setNmbe(0.0)
                .setResidualAutocorrelation(0.1)
                .setBaselineStart(START.minusDays(365))
                .setBaselineEnd(START.minusDays(1))
                .setBaselineDays(365)
                .setMissingDays(0)
                .setSufficient(true)
                .setInsufficiencyReasons(List.of())
                .build();
    }

    private static MeterReading reading(
            String[] meter, Instant time, double registerWh, double intervalWh) {
        return MeterReading.newBuilder()
                .setMeterId(meter[0])
                .setFeederId(meter[1])
                .setDistrictId(meter[2])
                .setTimestamp(time)
                .setActiveEnergyWh(registerWh)
                .setAveragePowerW(intervalWh)
                .setVoltageV(230.0)
                .build();
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer, String topic, String key, ByteBuffer value)
            throws InterruptedException, ExecutionException {
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), bytes))
                .get();
    }
}
