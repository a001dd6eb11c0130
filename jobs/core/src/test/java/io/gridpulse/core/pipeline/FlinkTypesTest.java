package io.gridpulse.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.anomaly.FeederState;
import io.gridpulse.core.anomaly.MeterProfile;
import io.gridpulse.core.anomaly.MeterVoice;
import io.gridpulse.core.anomaly.MeterWatch;
import io.gridpulse.core.anomaly.Run;
import io.gridpulse.core.anomaly.SilenceSignal;
import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.meter.MeterQuarter;
import io.gridpulse.core.meter.MeterState;
import io.gridpulse.core.meter.PendingReadings;
import io.gridpulse.core.meter.RecentQuarters;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.window.FeederSlots;
import io.gridpulse.core.window.GroupSlots;
import io.gridpulse.core.window.MeterRollup;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/**
 * Every type the pipeline keeps in state or sends between operators is a Flink POJO, so Flink
 * serializes it field by field: a change that made one fall back to Kryo (a field without a
 * getter-free public type, a missing no-arg constructor) would silently cost speed and state size,
 * and break savepoint compatibility.
 */
class FlinkTypesTest {

    @Test
    void shouldSerializeStateAndRecordsAsPojosNotWithKryo() {
        for (Class<?> type :
                List.of(
                        MeterState.class,
                        PendingReadings.class,
                        RecentQuarters.class,
                        MeterQuarter.class,
                        MeterGap.class,
                        QualityEvent.class,
                        GroupSlots.class,
                        FeederSlots.Feeders.class,
                        MeterRollup.Sums.class,
                        MeterWatch.class,
                        MeterProfile.class,
                        Run.class,
                        SilenceSignal.class,
                        MeterVoice.class,
                        FeederState.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
            for (int i = 0; i < pojo.getArity(); i++) {
                assertThat(pojo.getTypeAt(i))
                        .as(
                                type.getSimpleName()
                                        + "."
                                        + pojo.getPojoFieldAt(i).getField().getName())
                        .isNotInstanceOf(GenericTypeInfo.class);
            }
        }
    }
}
