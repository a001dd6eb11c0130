package io.gridpulse.replay.csv;

/**
 * Seconds or milliseconds since 1970-01-01T00:00Z; seconds may have a fraction, as some loggers
 * write them.
 */
enum EpochTimestamp implements TimestampFormat {
    SECONDS("epoch-seconds", 1000),
    MILLIS("epoch-millis", 1);

    private final String key;
    private final long millisPerUnit;

    EpochTimestamp(String key, long millisPerUnit) {
        this.key = key;
        this.millisPerUnit = millisPerUnit;
    }

    @Override
    public long toEpochMillis(String text) {
        if (millisPerUnit > 1 && text.indexOf('.') >= 0) {
            double units = Double.parseDouble(text);
            if (!Double.isFinite(units) || Math.abs(units) > Long.MAX_VALUE / millisPerUnit) {
                throw new ArithmeticException("out of range");
            }
            return Math.round(units * millisPerUnit);
        }
        return Math.multiplyExact(Long.parseLong(text), millisPerUnit);
    }

    @Override
    public String describe() {
        return key;
    }

    @Override
    public boolean usesZone() {
        return false;
    }
}
