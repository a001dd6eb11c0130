package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * One data line of a meter file, typed and in the pipeline's units, not yet checked for
 * plausibility (a negative energy, for instance, is the validation stage's to judge).
 *
 * @param meterId the meter's id
 * @param feederId the feeder's id, {@code unassigned} when the file does not say
 * @param districtId the district's id, {@code unassigned} when the file does not say
 * @param endMillis the end of the value's interval, in epoch milliseconds (for a register: the
 *     reading's time)
 * @param startMillis the start of the value's interval; equal to the end for a register without an
 *     interval
 * @param kind what the value measures
 * @param value Wh for a register or interval energy, W for average power; NaN when missing
 * @param voltageV the voltage in volts, or null when the mapping has no voltage column or the line
 *     none
 * @param missing whether the line has no value (empty, or the mapping's missing marker)
 */
public record ReadingRow(
        String meterId,
        String feederId,
        String districtId,
        long endMillis,
        long startMillis,
        ValueKind kind,
        double value,
        Double voltageV,
        boolean missing)
        implements Serializable {}
