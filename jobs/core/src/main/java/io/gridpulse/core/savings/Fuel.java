package io.gridpulse.core.savings;

/**
 * What the meter measures, as far as data sufficiency cares: a whole day of zero electricity means
 * the meter did not report (a home always draws something), while zero gas on a summer day is
 * plausible.
 */
public enum Fuel {
    ELECTRICITY(true),
    GAS(false);

    private final boolean zeroUsageIsMissing;

    Fuel(boolean zeroUsageIsMissing) {
        this.zeroUsageIsMissing = zeroUsageIsMissing;
    }

    public boolean zeroUsageIsMissing() {
        return zeroUsageIsMissing;
    }
}
