package io.gridpulse.replay.output;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.replay.gaps.GapEstimate;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a record becomes a CSV line: a header, and one line per record, RFC 4180 quoted where needed.
 */
public interface CsvColumns<T> extends Serializable {

    String header();

    void append(T record, StringBuilder line);

    /**
     * Every field of an Avro record, in schema order: the files say exactly what the Avro contract
     * says.
     */
    static <T extends SpecificRecord> CsvColumns<T> avro(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        String header =
                String.join(",", schema.getFields().stream().map(Schema.Field::name).toList());
        return columns(
                header,
                (record, line) -> {
                    int fields = record.getSchema().getFields().size();
                    for (int i = 0; i < fields; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        appendValue(record.get(i), line);
                    }
                });
    }

    static CsvColumns<QualityEvent> quality() {
        return columns(
                "quarter_start,meter_id,feeder_id,district_id,outcome,readings",
                (q, line) ->
                        fields(
                                line,
                                Instant.ofEpochMilli(q.timestamp),
                                q.meterId,
                                q.feederId,
                                q.districtId,
                                q.outcome,
                                q.count));
    }

    static CsvColumns<MeterGap> gaps() {
        return columns(
                "first_missing,last_missing,meter_id,feeder_id,district_id,missing_readings,unattributed_kwh",
                (g, line) ->
                        fields(
                                line,
                                Instant.ofEpochMilli(g.firstMissing),
                                Instant.ofEpochMilli(g.lastMissing),
                                g.meterId,
                                g.feederId,
                                g.districtId,
                                g.missingReadings,
                                g.unattributedWh / 1000.0));
    }

    /** The estimate is empty when the meter's profile gave none; the note says why. */
    static CsvColumns<GapEstimate> gapEstimates() {
        return columns(
                "gap_start,gap_end,meter_id,feeder_id,district_id,gap_hours,estimated_kwh,method,min_observations,note",
                (e, line) ->
                        fields(
                                line,
                                Instant.ofEpochMilli(e.gapStart),
                                Instant.ofEpochMilli(e.gapEnd),
                                e.meterId,
                                e.feederId,
                                e.districtId,
                                e.gapHours(),
                                e.estimated() ? e.estimatedKwh : null,
                                GapEstimate.METHOD,
                                e.minObservations,
                                e.note));
    }

    /** Appends one field per value. */
    interface Appender<T> extends Serializable {
        void append(T record, StringBuilder line);
    }

    static <T> CsvColumns<T> columns(String header, Appender<T> appender) {
        return new CsvColumns<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String header() {
                return header;
            }

            @Override
            public void append(T record, StringBuilder line) {
                appender.append(record, line);
            }
        };
    }

    static void fields(StringBuilder line, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendValue(values[i], line);
        }
    }

    /**
     * Nulls are empty; bytes (a dead letter's payload) are written as text, as a file line or Kafka
     * value was.
     */
    static void appendValue(Object value, StringBuilder line) {
        if (value == null) {
            return;
        }
        String text;
        if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            text = new String(raw, StandardCharsets.UTF_8);
        } else if (value instanceof List<?> list) {
            text = list.toString();
        } else {
            text = value.toString();
        }
        boolean quote =
                text.indexOf(',') >= 0
                        || text.indexOf('"') >= 0
                        || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            line.append(text);
        }
    }
}
