package io.gridpulse.dashboard.panels;

/** A district, feeder or meter that InfluxDB does not know: answered with 404 and this message. */
public final class UnknownSelectionException extends RuntimeException {

    public UnknownSelectionException(String message) {
        super(message);
    }
}
