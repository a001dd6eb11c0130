package io.gridpulse.core.influx;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * The sink's buffered lines in a checkpoint, each as its UTF-8 bytes behind their length (not
 * {@code writeUTF}, which stops at 64 KB: a long anomaly message must not fail a checkpoint).
 */
final class LineStateSerializer extends AsyncSinkWriterStateSerializer<String> {

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    protected void serializeRequestToStream(String line, DataOutputStream out) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    protected String deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
