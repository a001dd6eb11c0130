package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutSinkTest {

    @Test
    void shouldCarryRawRecordsOnlyIfEverySinkCan() {
        CollectingSink first = new CollectingSink();
        CollectingSink second = new CollectingSink();
        FanOutSink both = new FanOutSink(List.of(first, second));

        assertThat(both.acceptsRaw()).isTrue();
        both.acceptRaw("M000001", new byte[] {7});
        assertThat(first.rawRecords()).hasSize(1);
        assertThat(second.rawRecords()).hasSize(1);

        FanOutSink withDiscard = new FanOutSink(List.of(first, new DiscardingSink()));
        assertThat(withDiscard.acceptsRaw()).isFalse();
        assertThatThrownBy(() -> withDiscard.acceptRaw("M000001", new byte[] {7}))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(first.rawRecords()).hasSize(1); // nothing half-sent
    }

    @Test
    void shouldRefuseRawRecordsByDefault() {
        ReadingSink readingsOnly = reading -> {};
        assertThat(readingsOnly.acceptsRaw()).isFalse();
        assertThatThrownBy(() -> readingsOnly.acceptRaw("M000001", new byte[0]))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
