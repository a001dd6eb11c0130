package io.gridpulse.tools.report;

import io.gridpulse.simulator.fault.ExpectedOutcome;
import io.gridpulse.simulator.fault.FaultKind;
import io.gridpulse.simulator.fault.FaultLedger;
import io.gridpulse.simulator.fault.FaultLedgerCsv;
import io.gridpulse.simulator.fault.InjectedFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's fault ledger ({@value FaultLedger#CSV_FILE}, written with {@code --faults}), read
 * with the simulator's own reader: what was injected and what the job is expected to make of it,
 * per data-quality outcome as the job counts them in {@code data_quality}.
 */
final class InjectedFaults {

    static final String FILE = FaultLedger.CSV_FILE;

    private final List<InjectedFault> faults;

    private InjectedFaults(List<InjectedFault> faults) {
        this.faults = faults;
    }

    static InjectedFaults read(Path truthDir) {
        return new InjectedFaults(FaultLedgerCsv.readInjected(truthDir.resolve(FILE)));
    }

    /**
     * Expected counts per outcome: dead-letter reasons, repairs, and readings estimated or left
     * missing in gaps.
     */
    Map<String, Long> expectedOutcomes(Duration readingInterval) {
        Map<String, Long> expected = new TreeMap<>();
        for (InjectedFault fault : faults) {
            ExpectedOutcome outcome = fault.expected();
            outcome.deadLetterReason()
                    .ifPresent(reason -> expected.merge(reason.name(), 1L, Long::sum));
            expected.merge("ROLLOVER", (long) outcome.rollovers(), Long::sum);
            expected.merge("NEW_EPOCH", (long) outcome.newEpochs(), Long::sum);
            expected.merge("FROZEN_REGISTER", (long) outcome.frozenFlags(), Long::sum);
            if (fault.kind().name().startsWith("GAP_")) {
                long missing =
                        Duration.between(fault.from(), fault.to()).dividedBy(readingInterval) + 1;
                expected.merge(
                        fault.kind() == FaultKind.GAP_SHORT ? "ESTIMATED" : "MISSING",
                        missing,
                        Long::sum);
            }
        }
        expected.values().removeIf(count -> count == 0);
        return expected;
    }

    /**
     * Energy the job cannot see (a register that never caught up before the run ended, say), per
     * district.
     */
    Map<String, Double> lostKwhByDistrict() {
        Map<String, Double> lost = new TreeMap<>();
        faults.forEach(
                fault ->
                        lost.merge(
                                fault.districtId(),
                                fault.expected().lostEnergyWh() / 1000,
                                Double::sum));
        return lost;
    }
}
