package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

/** Buffered lines survive a checkpoint as they were, whatever their length or characters. */
class LineStateSerializerTest {

    @Test
    void shouldRestoreTheBufferedLinesInOrder() throws Exception {
        String longMessage = "anomaly message=\"" + "ü".repeat(70_000) + "\" 1000";
        List<String> lines = List.of("m,district=Zürich v=1i 1000", longMessage, "m v=2i 2000");
        LineStateSerializer serializer = new LineStateSerializer();

        BufferedRequestState<String> restored =
                serializer.deserialize(
                        serializer.getVersion(),
                        serializer.serialize(
                                new BufferedRequestState<>(
                                        lines.stream()
                                                .map(
                                                        line ->
                                                                new RequestEntryWrapper<>(
                                                                        line, line.length()))
                                                .toList())));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(lines);
    }
}
