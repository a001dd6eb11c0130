package io.gridpulse.core.vee;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The checks a single reading must pass on its own, without any history of its meter: identities,
 * finite values, a plausible timestamp and a plausible power. Stateful checks (duplicates, register
 * going backwards, frozen registers, gaps, lateness) need the meter's previous readings: one class
 * each next to this one, applied by the meter stage.
 */
public final class ReadingRules implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Plain identifiers: letters, digits and . _ : - up to 64 characters; InfluxDB tags and Kafka
     * keys stay sane.
     */
    private static final int MAX_ID_LENGTH = 64;

    private final long maxFutureMillis;
    private final long maxAgeMillis;
    private final double maxPowerW;

    public ReadingRules(Duration maxFuture, Duration maxAge, double maxPowerW) {
        this.maxFutureMillis = maxFuture.toMillis();
        this.maxAgeMillis = maxAge.toMillis();
        this.maxPowerW = maxPowerW;
    }

    public static ReadingRules from(ReadableConfig config) {
        return new ReadingRules(
                config.get(VeeOptions.MAX_FUTURE),
                config.get(VeeOptions.MAX_AGE),
                config.get(VeeOptions.MAX_POWER_W));
    }

    public static ReadingRules defaults() {
        return from(new org.apache.flink.configuration.Configuration());
    }

    /**
     * The first rule the reading breaks, or null if it passes them all; {@code nowMillis} is the
     * wall clock.
     */
    public Rejection check(MeterReading reading, long nowMillis) {
        Rejection id = checkId("meterId", reading.getMeterId());
        if (id == null) {
            id = checkId("feederId", reading.getFeederId());
        }
        if (id == null) {
            id = checkId("districtId", reading.getDistrictId());
        }
        if (id != null) {
            return id;
        }
        double register = reading.getActiveEnergyWh();
        double power = reading.getAveragePowerW();
        if (!Double.isFinite(register) || register < 0) {
            return new Rejection(
                    DeadLetterReason.MALFORMED_VALUE,
                    "meter "
                            + reading.getMeterId()
                            + ": energy register "
                            + register
                            + " Wh is not a finite, non-negative number");
        }
        if (!Double.isFinite(power)) {
            return new Rejection(
                    DeadLetterReason.MALFORMED_VALUE,
                    "meter "
                            + reading.getMeterId()
                            + ": average power "
                            + power
                            + " W is not a finite number");
        }
        long timestamp = reading.getTimestamp().toEpochMilli();
        if (timestamp > nowMillis + maxFutureMillis) {
            return new Rejection(
                    DeadLetterReason.FUTURE_TIMESTAMP,
                    "meter "
                            + reading.getMeterId()
                            + ": timestamp "
                            + reading.getTimestamp()
                            + " is more than "
                            + Duration.ofMillis(maxFutureMillis)
                            + " ahead of the clock ("
                            + Instant.ofEpochMilli(nowMillis)
                            + ")");
        }
        if (timestamp < nowMillis - maxAgeMillis) {
            return new Rejection(
                    DeadLetterReason.ANCIENT_TIMESTAMP,
                    "meter "
                            + reading.getMeterId()
                            + ": timestamp "
                            + reading.getTimestamp()
                            + " is older than the retention horizon of "
                            + Duration.ofMillis(maxAgeMillis));
        }
        if (power < 0) {
            return new Rejection(
                    DeadLetterReason.NEGATIVE_POWER,
                    "meter " + reading.getMeterId() + ": negative average power " + power + " W");
        }
        if (power > maxPowerW) {
            return new Rejection(
                    DeadLetterReason.POWER_TOO_HIGH,
                    "meter "
                            + reading.getMeterId()
                            + ": average power "
                            + power
                            + " W is above the plausible maximum of "
                            + maxPowerW
                            + " W");
        }
        return null;
    }

    private static Rejection checkId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return new Rejection(DeadLetterReason.MISSING_ID, field + " is empty");
        }
        if (!isPlainId(value)) {
            return new Rejection(
                    DeadLetterReason.MALFORMED_ID,
                    field
                            + " '"
                            + abbreviate(value)
                            + "' is not a plain identifier (letters, digits, . _ : -, at most 64)");
        }
        return null;
    }

    /** A loop rather than a regular expression: it runs three times for every reading. */
    private static boolean isPlainId(String value) {
        if (value.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '_'
                            || c == ':'
                            || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
