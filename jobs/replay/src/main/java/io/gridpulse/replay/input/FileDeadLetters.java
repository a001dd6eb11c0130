package io.gridpulse.replay.input;

import io.gridpulse.core.io.DeadLetters;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.nio.charset.StandardCharsets;

/**
 * Dead letters of records read from files. They reuse the Kafka coordinates of the contract: {@code
 * sourceTopic} holds the file, {@code sourceOffset} the line (CSV) or record number (Avro), {@code
 * sourcePartition} is -1; the payload is the line as it was.
 */
final class FileDeadLetters {

    static final int FILE_PARTITION = -1;

    private FileDeadLetters() {}

    /**
     * A line (or Avro record: {@code unit}) that does not parse. Having no time of its own, it
     * carries the time of the record before it in the file ({@code sourceTimestamp}), where its
     * data-quality count is booked.
     */
    static DeadLetter malformed(
            String file, String unit, long position, String text, String why, long timeMillis) {
        return DeadLetters.of(
                DeadLetterReason.UNDECODABLE,
                where(file, unit, position) + ": " + why,
                text.getBytes(StandardCharsets.UTF_8),
                file,
                FILE_PARTITION,
                position,
                timeMillis);
    }

    /**
     * A reading made from a file record ({@code unit} "line" or "record") that breaks a rule of the
     * pipeline.
     */
    static DeadLetter rejected(
            String file,
            String unit,
            long position,
            String text,
            Rejection rejection,
            MeterReading reading) {
        return rejected(
                file, unit, position, text, rejection.reason(), rejection.message(), reading);
    }

    static DeadLetter rejected(
            String file,
            String unit,
            long position,
            String text,
            DeadLetterReason reason,
            String why,
            MeterReading reading) {
        return DeadLetters.of(
                reason,
                where(file, unit, position) + ": " + why,
                text == null ? null : text.getBytes(StandardCharsets.UTF_8),
                reading,
                file,
                FILE_PARTITION,
                position,
                reading.getTimestamp().toEpochMilli());
    }

    static String where(String file, long line) {
        return where(file, "line", line);
    }

    static String where(String file, String unit, long position) {
        return InputFile.shortName(file) + " " + unit + " " + position;
    }
}
