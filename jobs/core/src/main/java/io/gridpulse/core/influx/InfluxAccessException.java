package io.gridpulse.core.influx;

/** InfluxDB refused the job's credentials or permissions: the job stops instead of restarting. */
public final class InfluxAccessException extends RuntimeException {

    public InfluxAccessException(String message) {
        super(message);
    }
}
