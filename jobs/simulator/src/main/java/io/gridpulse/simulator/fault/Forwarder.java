package io.gridpulse.simulator.fault;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.ReadingSink;

/**
 * The faults' only way to the real sink: forwards records and counts them in the ledger, telling
 * real readings from extra records, so the ledger's counts are what was actually sent.
 */
final class Forwarder {

    private final ReadingSink delegate;
    private final FaultLedger ledger;

    Forwarder(ReadingSink delegate, FaultLedger ledger) {
        this.delegate = delegate;
        this.ledger = ledger;
    }

    /** A real reading, sent once (possibly with a faulty register). */
    void reading(MeterReading reading) {
        delegate.accept(reading);
        ledger.countCleanReading();
    }

    /** A record added by a fault, on top of the real readings. */
    void extra(MeterReading record) {
        delegate.accept(record);
        ledger.countExtraRecord();
    }

    /** A raw record added by a fault. */
    void extraRaw(String key, byte[] value) {
        delegate.acceptRaw(key, value);
        ledger.countExtraRecord();
    }

    FaultLedger ledger() {
        return ledger;
    }
}
