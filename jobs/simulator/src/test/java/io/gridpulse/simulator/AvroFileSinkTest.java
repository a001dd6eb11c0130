package io.gridpulse.simulator;

import static io.gridpulse.simulator.SimulatorFixtures.smallRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroFileSinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "deflate", "null"})
    void shouldReadBackExactlyTheReadingsWritten(String codec, @TempDir Path dir)
            throws IOException {
        SimulationConfig config = smallRun();
        CollectingSink memory = new CollectingSink();
        Path file = dir.resolve("readings.avro");
        try (AvroFileSink sink = new AvroFileSink(file, codec)) {
            new Simulation(config).run(new FanOutSink(List.of(memory, sink)));
        }

        List<MeterReading> read = new ArrayList<>();
        try (DataFileReader<MeterReading> reader =
                new DataFileReader<>(
                        file.toFile(), new SpecificDatumReader<>(MeterReading.class))) {
            assertThat(reader.getMetaString("avro.codec")).isEqualTo(codec);
            reader.forEach(read::add);
        }
        assertThat(read).hasSize(memory.readings().size()).isEqualTo(memory.readings());
    }
}
