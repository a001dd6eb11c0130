package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.SchemaHistory;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * The fault mode is opt-in: without the injector the readings are exactly what they were before it
 * existed.
 */
class WithoutFaultsTest {

    /**
     * SHA-256 over the single-object encodings of every reading of 24 households, 6 hours,
     * one-minute readings from the defaults, recorded before the fault mode was added, when
     * readings were written with schema version 2: they are encoded with that version here, so the
     * hash still compares their values.
     */
    private static final String READINGS_BEFORE_FAULT_MODE =
            "58f05c318a58d8d8d6648ba4af44273e6894f678dd921777f09e2c208ea69572";

    private static SimulationConfig smallRun() {
        return SimulationConfig.defaults()
                .withHouseholds(24)
                .withFeeders(6)
                .withDistricts(3)
                .withDuration(Duration.ofHours(6));
    }

    @Test
    void shouldEmitByteIdenticalReadingsToThoseBeforeTheFaultMode() throws Exception {
        CollectingSink sink = new CollectingSink();
        new Simulation(smallRun()).run(sink);

        assertThat(sink.readings()).hasSize(24 * 361);
        assertThat(sink.rawRecords()).isEmpty();
        assertThat(sha256(sink.readings())).isEqualTo(READINGS_BEFORE_FAULT_MODE);
    }

    @Test
    void shouldPassEveryReadingThroughAnInjectorWithoutKinds() throws Exception {
        FaultConfig none =
                FaultConfig.defaults(smallRun()).withKinds(EnumSet.noneOf(FaultKind.class));
        CollectingSink sink = new CollectingSink();
        FaultInjector injector = FaultInjector.wrap(sink, none);
        new Simulation(smallRun()).run(injector);

        assertThat(sha256(sink.readings())).isEqualTo(READINGS_BEFORE_FAULT_MODE);
        assertThat(injector.ledger().faults()).isEmpty();
        assertThat(injector.ledger().sent())
                .isEqualTo(injector.ledger().cleanReadingsSent())
                .isEqualTo(24 * 361);
    }

    private static String sha256(List<MeterReading> readings) throws Exception {
        Schema version2 =
                SchemaHistory.releasedVersions().stream()
                        .filter(schema -> schema.getName().equals("MeterReading"))
                        .filter(schema -> schema.getField("voltageV") != null)
                        .filter(schema -> schema.getField("estimated") == null)
                        .findFirst()
                        .orElseThrow();
        BinaryMessageEncoder<GenericRecord> encoder =
                new BinaryMessageEncoder<>(GenericData.get(), version2);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (MeterReading reading : readings) {
            assertThat(reading.getEstimated()).isFalse();
            GenericRecord record = new GenericData.Record(version2);
            record.put("meterId", reading.getMeterId());
            record.put("feederId", reading.getFeederId());
            record.put("districtId", reading.getDistrictId());
            record.put("timestamp", reading.getTimestamp().toEpochMilli());
            record.put("activeEnergyWh", reading.getActiveEnergyWh());
            record.put("averagePowerW", reading.getAveragePowerW());
            record.put("voltageV", reading.getVoltageV());
            digest.update(encoder.encode(record).array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
