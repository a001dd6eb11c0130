package io.gridpulse.replay.input;

/**
 * One parsed row of a meter CSV file on its way to becoming readings: the interval it describes and
 * its energy, or (register files) the register at a time, and where it came from for dead letters.
 * A Flink POJO.
 */
public class MeterRow {

    public String meterId;
    public String feederId;
    public String districtId;

    /** Start of the row's interval (equal to the end for a register without a known interval). */
    public long startMillis;

    /** End of the row's interval: the reading's time. */
    public long endMillis;

    /** True: {@link #energyWh} is a cumulative register; false: the energy used in the interval. */
    public boolean register;

    public double energyWh;

    /** Average power over the interval in W; NaN when only a register is known. */
    public double powerW;

    /** NaN when the file has no voltage. */
    public double voltageV;

    /**
     * Which of the replay's CSV files (an index: a path on every row would weigh on the shuffle).
     */
    public int file;

    public long line;

    public MeterRow() {}

    public String meterId() {
        return meterId;
    }
}
