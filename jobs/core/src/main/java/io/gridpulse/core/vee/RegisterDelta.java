package io.gridpulse.core.vee;

/** The energy of one reading interval and how it was obtained. */
public record RegisterDelta(double energyWh, Kind kind) {

    public enum Kind {
        /** The meter's first reading: nothing to subtract from, it only anchors the register. */
        FIRST,
        /** Register difference, as measured. */
        MEASURED,
        /**
         * The register wrapped around at its width; the difference across the wrap, as measured.
         */
        ROLLOVER,
        /**
         * The register jumped backwards (reset, meter replaced) or forwards beyond anything the
         * household could use: a new register epoch starts and the interval's energy is estimated
         * from the reported average power.
         */
        NEW_EPOCH
    }

    public boolean estimated() {
        return kind == Kind.NEW_EPOCH;
    }
}
