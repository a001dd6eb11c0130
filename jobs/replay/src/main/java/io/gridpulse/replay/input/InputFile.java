package io.gridpulse.replay.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.core.fs.Path;

/**
 * Opens an input file on any Flink file system (local paths, or {@code s3://}, {@code hdfs://}
 * where configured), decompressed by its extension like Flink's own file sources ({@code .gz},
 * {@code .deflate}, ...), counting the stored bytes read for the progress line.
 */
final class InputFile {

    private InputFile() {}

    static InputStream open(Path path, LongCounter bytesRead) throws IOException {
        InputStream raw = new Counting(path.getFileSystem().open(path), bytesRead);
        InflaterInputStreamFactory<?> decompressor =
                StandardDeCompressors.getDecompressorForFileName(path.getName());
        return decompressor == null ? raw : decompressor.create(raw);
    }

    /** The file's name without its directories, for messages. */
    static String shortName(String file) {
        return new Path(file).getName();
    }

    private static final class Counting extends FilterInputStream {
        private final LongCounter counter;

        Counting(InputStream in, LongCounter counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counter.add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counter.add(skipped);
            return skipped;
        }
    }
}
