package io.gridpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

/** Old producers keep working: what a released schema version wrote, the current classes read. */
class SchemaEvolutionTest {

    private static final Instant READ_AT = Instant.parse("2026-01-12T10:15:00Z");

    @Test
    void shouldReadAVersion1ReadingWithTheCurrentSchemaAndDefaultTheNewVoltageField()
            throws Exception {
        Schema v1 = version1();
        GenericRecord old = new GenericData.Record(v1);
        old.put("meterId", "M000001");
        old.put("feederId", "D01-F01");
        old.put("districtId", "D01");
        old.put("timestamp", READ_AT.toEpochMilli());
        old.put("activeEnergyWh", 12_345.5);
        old.put("averagePowerW", 840.0);
        ByteBuffer bytes =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);

        MeterReading current = MeterReading.createDecoder(SchemaHistory.store()).decode(bytes);

        assertThat(current.getMeterId()).isEqualTo("M000001");
        assertThat(current.getTimestamp()).isEqualTo(READ_AT);
        assertThat(current.getActiveEnergyWh()).isEqualTo(12_345.5);
        assertThat(current.getAveragePowerW()).isEqualTo(840.0);
        assertThat(current.getVoltageV()).isNull();
    }

    @Test
    void shouldReadAVersion1DeadLetterWithTheCurrentSchemaAsNotTruncated() throws Exception {
        Schema v1 =
                SchemaHistory.releasedVersions().stream()
                        .filter(
                                schema ->
                                        schema.getFullName()
                                                .equals(DeadLetter.getClassSchema().getFullName()))
                        .findFirst()
                        .orElseThrow();
        GenericRecord old = new GenericData.Record(v1);
        old.put(
                "reason",
                new GenericData.EnumSymbol(v1.getField("reason").schema(), "UNDECODABLE"));
        old.put("message", "not Avro");
        old.put("payload", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        old.put("sourceTopic", "meter-readings");
        old.put("sourcePartition", 1);
        old.put("sourceOffset", 42L);
        old.put("sourceTimestamp", READ_AT.toEpochMilli());
        ByteBuffer bytes =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);

        DeadLetter current = DeadLetter.createDecoder(SchemaHistory.store()).decode(bytes);

        assertThat(current.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(current.getSourceOffset()).isEqualTo(42L);
        assertThat(current.getPayloadTruncated()).isFalse();
        assertThat(current.getPayloadSize()).isNull();
    }

    @Test
    void shouldRejectAPayloadWhoseWriterSchemaIsNotAReleasedVersion() throws Exception {
        Schema unreleased =
                new Schema.Parser()
                        .parse(
                                """
        {"type": "record", "name": "MeterReading", "namespace": "io.gridpulse.schema",
         "fields": [{"name": "meterId", "type": "string"}]}""");
        GenericRecord record = new GenericData.Record(unreleased);
        record.put("meterId", "M1");
        ByteBuffer bytes =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), unreleased)
                        .encode(record);

        BinaryMessageDecoder<MeterReading> decoder =
                MeterReading.createDecoder(SchemaHistory.store());

        assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(MissingSchemaException.class);
    }

    @Test
    void shouldKeepEveryReleasedVersionReadableByTheCurrentSchema() {
        List<Schema> released = SchemaHistory.releasedVersions();
        assertThat(released).isNotEmpty();
        for (Schema writer : released) {
            Schema reader = SchemaHistory.currentVersionOf(writer.getFullName());
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
                    .as("current %s reads released %s", reader.getFullName(), writer)
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void shouldDocumentEveryFieldOfTheContract() {
        for (Schema schema :
                List.of(
                        MeterReading.getClassSchema(),
                        MeterAggregate.getClassSchema(),
                        GroupAggregate.getClassSchema(),
                        DeadLetter.getClassSchema())) {
            assertThat(schema.getDoc()).as(schema.getName()).isNotBlank();
            schema.getFields()
                    .forEach(
                            field ->
                                    assertThat(field.doc())
                                            .as(schema.getName() + "." + field.name())
                                            .isNotBlank());
        }
    }

    private static Schema version1() {
        return SchemaHistory.releasedVersions().stream()
                .filter(s -> s.getName().equals("MeterReading") && s.getField("voltageV") == null)
                .findFirst()
                .orElseThrow();
    }
}
