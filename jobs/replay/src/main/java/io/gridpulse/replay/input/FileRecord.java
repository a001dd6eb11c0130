package io.gridpulse.replay.input;

import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.schema.DeadLetter;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.types.Either;

/**
 * What a replay file format hands on for each record it reads: the record or its dead letter, or
 * only the outcome it counts towards (a missing value, outside --from/--to). A source cannot add to
 * Flink's accumulators, so each also names the outcome counter it adds to and carries the bytes of
 * the file read since the previous one; {@link FileTally} adds them up. After a file's last record
 * may come one with its last bytes only. A Flink POJO.
 */
public class FileRecord<T> {

    /** The record to pass on, or its dead letter; null when it is only counted. */
    public Either<DeadLetter, T> record;

    /** The counter this record's outcome adds one to; null: none. */
    public String outcome;

    /** Bytes of the file, as stored, read since the previous record. */
    public long bytes;

    public FileRecord() {}

    static <T> FileRecord<T> of(T value) {
        return of(value, null);
    }

    static <T> FileRecord<T> of(T value, String outcome) {
        return make(Either.Right(value), outcome);
    }

    static <T> FileRecord<T> deadLetter(DeadLetter deadLetter) {
        return make(Either.Left(deadLetter), null);
    }

    static <T> FileRecord<T> counted(String outcome) {
        return make(null, outcome);
    }

    static <T> FileRecord<T> bytesOnly(long bytes) {
        FileRecord<T> last = make(null, null);
        last.bytes = bytes;
        return last;
    }

    /** A record of the file (each is passed on or counted), not only bytes. */
    boolean isRecord() {
        return record != null || outcome != null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> TypeInformation<FileRecord<T>> type(TypeInformation<T> value) {
        return (TypeInformation)
                Types.POJO(
                        FileRecord.class,
                        Map.of(
                                "record",
                                new EitherTypeInfo<>(ReadingTypes.DEAD_LETTER, value),
                                "outcome",
                                Types.STRING,
                                "bytes",
                                Types.LONG));
    }

    private static <T> FileRecord<T> make(Either<DeadLetter, T> record, String outcome) {
        FileRecord<T> read = new FileRecord<>();
        read.record = record;
        read.outcome = outcome;
        return read;
    }
}
