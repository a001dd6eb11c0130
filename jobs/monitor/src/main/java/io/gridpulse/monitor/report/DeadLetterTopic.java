package io.gridpulse.monitor.report;

import io.gridpulse.schema.DeadLetter;
import java.io.IOException;
import java.util.List;

/** Reads a whole dead-letter topic, from the first offset to the end as it is now. */
final class DeadLetterTopic {

  private DeadLetterTopic() {}

  static List<DeadLetter> readAll(String bootstrapServers, String topic) throws IOException {
    return TopicReader.readAll(bootstrapServers, topic, record -> DeadLetter.getDecoder().decode(record.value()));
  }
}
