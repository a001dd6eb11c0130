package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * What the anomaly detectors keep per meter, as Flink writes it into a checkpoint: a million meters
 * must fit.
 */
class MeterWatchSizeTest {

    @Test
    void shouldKeepALearnedMeterInUnderAKilobyte() throws Exception {
        MeterWatch watch = new MeterWatch();
        watch.feederId = "D01-F01";
        watch.districtId = "D01";
        Arrays.fill(watch.profile.meanUnits, (char) 1234);
        Arrays.fill(watch.profile.spreadUnits, (char) 321);
        watch.profile.since = 1L;
        for (Run run :
                new Run[] {
                    watch.spike, watch.sustained, watch.zero, watch.voltage, watch.baseLoad
                }) {
            run.start = 1L;
            run.open = true;
        }
        TypeSerializer<MeterWatch> serializer =
                TypeInformation.of(MeterWatch.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(2048);

        serializer.serialize(watch, out);

        System.out.println("anomaly state per meter: " + out.length() + " bytes");
        assertThat(out.length()).isLessThan(1024);

        watch.profile.weather = new WeatherResponse();
        Arrays.fill(watch.profile.weather.heatingUnits, (char) 1500);
        out.clear();
        serializer.serialize(watch, out);

        System.out.println("with its weather response: " + out.length() + " bytes");
        assertThat(out.length()).as("a Flink POJO, not Kryo").isLessThan(1700);
        assertThat(
                        serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))
                                .profile
                                .weather
                                .heatingUnits[7])
                .isEqualTo((char) 1500);
    }
}
