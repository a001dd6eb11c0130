package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.util.SplittableRandom;

/**
 * After the meter's reading at the planned step, a raw record of random bytes under the meter's
 * key: something on the topic that is not a reading at all. Needs a sink that carries raw records
 * ({@code ReadingSink#acceptsRaw}).
 */
final class GarbageFault extends MeterFault {

    static final int MIN_BYTES = 16;
    static final int MAX_BYTES = 64;

    /**
     * First byte of the Avro single-object marker: garbage starting with it could pass for an
     * unknown schema.
     */
    private static final byte AVRO_MARKER = (byte) 0xC3;

    GarbageFault(PlannedFault plan, Timeline timeline) {
        super(plan, timeline);
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        out.reading(reading);
        if (stepOf(reading) == plan.step()) {
            byte[] garbage = garbage(plan.seed());
            out.extraRaw(plan.meterId(), garbage);
            record(
                    out,
                    reading.getTimestamp(),
                    reading.getTimestamp(),
                    ExpectedOutcome.rejected(DeadLetterReason.UNDECODABLE),
                    garbage.length + " random bytes (not Avro) under the meter's key");
        }
    }

    /**
     * Seeded random bytes that never start like Avro single-object encoding, so the job cannot
     * mistake them.
     */
    static byte[] garbage(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES + 1)];
        random.nextBytes(bytes);
        if (bytes[0] == AVRO_MARKER) {
            bytes[0] = 0;
        }
        return bytes;
    }
}
