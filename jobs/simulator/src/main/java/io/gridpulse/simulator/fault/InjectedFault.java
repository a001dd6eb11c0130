package io.gridpulse.simulator.fault;

import java.time.Instant;

/**
 * One defect the injector put into the readings, and what the job should make of it.
 *
 * @param from first reading time the fault concerns (per kind, see {@link FaultKind})
 * @param to last reading time the fault concerns (equal to {@code from} for a single record)
 * @param detail what exactly was done, for people reading the ledger
 */
public record InjectedFault(
        FaultKind kind,
        String meterId,
        String feederId,
        String districtId,
        Instant from,
        Instant to,
        ExpectedOutcome expected,
        String detail) {}
