package io.gridpulse.replay.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;

/**
 * A replay input read through Flink's {@link FileSource}, each file whole by one reader (one split
 * per file: CSV headers and clock changes are per file, Avro blocks are not worth splitting). A
 * bulk format rather than a stream format because the records need the file's name for their dead
 * letters. Files are opened decompressed by their extension ({@code .gz}, ...) as Flink's stream
 * formats are, and the bytes read, as stored, go with the records for the progress line.
 */
public abstract class WholeFileFormat<T> implements BulkFormat<FileRecord<T>, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    /** Records per batch handed from the reading thread to the task. */
    private static final int BATCH = 1024;

    private final List<String> files;
    private final TypeInformation<T> valueType;
    private final String recordsCounter;

    /**
     * {@code files}: as the replay names them, in dead letters among others; {@code
     * recordsCounter}: the counter of the records read ({@link
     * io.gridpulse.replay.progress.Counters#RECORDS}, ...).
     */
    WholeFileFormat(List<String> files, TypeInformation<T> valueType, String recordsCounter) {
        this.files = List.copyOf(files);
        this.valueType = valueType;
        this.recordsCounter = recordsCounter;
    }

    /** One file's records in order, each read when asked for. */
    interface Records<T> {
        /** The next record, or null at the end of the file. */
        FileRecord<T> next() throws IOException;

        /** A file of one record. */
        static <T> Records<T> of(FileRecord<T> only) {
            Iterator<FileRecord<T>> records = List.of(only).iterator();
            return () -> records.hasNext() ? records.next() : null;
        }
    }

    /** {@code file}: the file as the replay names it; {@code in}: its content, decompressed. */
    abstract Records<T> open(String file, InputStream in) throws IOException;

    /**
     * A source of the given files, each of them: also one whose name starts with a dot or an
     * underscore, which Flink's default filter would pass over.
     */
    public FileSource<FileRecord<T>> source() {
        return FileSource.forBulkFileFormat(
                        this, files.stream().map(Path::new).toArray(Path[]::new))
                .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(path -> true))
                .build();
    }

    /** What the format reads, once its records are counted ({@link FileTally}). */
    public TypeInformation<T> valueType() {
        return valueType;
    }

    /** Counts the records of this format and passes them on. */
    public FileTally<T> tally() {
        return new FileTally<>(recordsCounter);
    }

    List<String> files() {
        return files;
    }

    @Override
    public BulkFormat.Reader<FileRecord<T>> createReader(
            Configuration config, FileSourceSplit split) throws IOException {
        String file = named(split.path());
        LongCounter bytes = new LongCounter();
        InputStream in = null;
        try {
            in = InputFile.open(split.path(), bytes);
            return new Reader<>(open(file, in), in, bytes);
        } catch (IOException | RuntimeException e) {
            if (in != null) {
                in.close();
            }
            return new Reader<>(unreadable(file, e), InputStream.nullInputStream(), bytes);
        }
    }

    /** What a file that cannot be opened gives: by default nothing, the job fails. */
    Records<T> unreadable(String file, Exception e) throws IOException {
        throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
    }

    /**
     * Never called: a split has a position to restore only from a checkpoint, and the replay runs
     * in BATCH mode, which takes none (a failed task reads its files again from the start).
     */
    @Override
    public BulkFormat.Reader<FileRecord<T>> restoreReader(
            Configuration config, FileSourceSplit split) {
        throw new UnsupportedOperationException("replay inputs are read in BATCH mode only");
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<FileRecord<T>> getProducedType() {
        return FileRecord.type(valueType);
    }

    /** The file as given to the replay: the split's path is qualified ({@code file:/...}). */
    private String named(Path path) {
        String within = path.toUri().getPath();
        return files.stream()
                .filter(file -> new Path(file).toUri().getPath().equals(within))
                .findFirst()
                .orElse(path.toString());
    }

    private static final class Reader<T> implements BulkFormat.Reader<FileRecord<T>> {
        private final Records<T> records;
        private final InputStream in;
        private final LongCounter bytes;
        private long handedOn;
        private boolean ended;

        Reader(Records<T> records, InputStream in, LongCounter bytes) {
            this.records = records;
            this.in = in;
            this.bytes = bytes;
        }

        @Override
        @SuppressWarnings("unchecked")
        public BulkFormat.RecordIterator<FileRecord<T>> readBatch() throws IOException {
            if (ended) {
                return null;
            }
            FileRecord<T>[] batch = new FileRecord[BATCH];
            int n = 0;
            while (n < BATCH) {
                FileRecord<T> record = records.next();
                if (record == null) {
                    ended = true;
                    if (bytes.getLocalValuePrimitive() > 0) {
                        batch[n++] = FileRecord.bytesOnly(takeBytes());
                    }
                    break;
                }
                record.bytes = takeBytes();
                batch[n++] = record;
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<FileRecord<T>> iterator = new ArrayResultIterator<>();
            iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, handedOn);
            handedOn += n;
            return iterator;
        }

        private long takeBytes() {
            long read = bytes.getLocalValuePrimitive();
            bytes.resetLocal();
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
