package io.gridpulse.tools.report;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.SchemaHistory;
import java.io.IOException;
import java.util.List;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * Reads a whole dead-letter topic, from the first offset to the end as it is now; dead letters
 * written by an earlier release (an earlier DeadLetter schema) too.
 */
final class DeadLetterTopic {

    private static final BinaryMessageDecoder<DeadLetter> DECODER =
            DeadLetter.createDecoder(SchemaHistory.store());

    private DeadLetterTopic() {}

    static List<DeadLetter> readAll(String bootstrapServers, String topic) throws IOException {
        return TopicReader.readAll(
                bootstrapServers, topic, record -> DECODER.decode(record.value()));
    }
}
